package org.neuralcanvas.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFilesTest {

    @TempDir
    Path home;

    @Test
    void recentFilesAreRememberedNewestFirstWithoutDuplicates() {
        UserFiles files = new UserFiles(home);
        for (int i = 0; i < 10; i++) {
            files.addRecentFile(home.resolve("m" + i + ".ncproj.json"));
        }
        files.addRecentFile(home.resolve("m5.ncproj.json"));

        UserFiles again = new UserFiles(home);
        assertEquals(8, again.recentFiles().size());
        assertEquals(home.resolve("m5.ncproj.json"), again.recentFiles().get(0));
        assertEquals(home.resolve("m9.ncproj.json"), again.recentFiles().get(1));
    }

    @Test
    void theLanguageIsRememberedAcrossStarts() {
        new UserFiles(home).setLanguage(Locale.SIMPLIFIED_CHINESE);
        assertEquals(Locale.SIMPLIFIED_CHINESE, new UserFiles(home).language());
    }

    @Test
    void aHiddenSidePanelStaysHiddenAcrossStarts() {
        assertEquals(true, new UserFiles(home).panelShown("palette"));
        new UserFiles(home).setPanelShown("palette", false);
        assertEquals(false, new UserFiles(home).panelShown("palette"));
        assertEquals(true, new UserFiles(home).panelShown("side"));
    }

    @Test
    void everyEnglishTextHasAChineseTranslation() throws java.io.IOException {
        java.util.Properties zh = new java.util.Properties();
        try (var in = UserFiles.class.getResourceAsStream("/org/neuralcanvas/ui/messages_zh_CN.properties")) {
            zh.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String key : new I18n(Locale.ENGLISH).bundle().keySet()) {
            assertEquals(true, zh.containsKey(key), "missing zh: " + key);
        }
        assertEquals("总参数：{0}    可训练参数：{1}    不可训练参数：{2}", new I18n(Locale.SIMPLIFIED_CHINESE).get("summary.totals"));
    }
}
