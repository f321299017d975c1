#!/usr/bin/env bash
# Runs one benchmark: a main class that prints its figures (speed goals live here, never in tests).
#   scripts/bench.sh            lists them
#   scripts/bench.sh NAME [ARGS...]
# UI benchmarks run on JavaFX's headless Monocle glass, as the tests do; the CPU build and native
# settings are chosen by the app's own start-up code (Backends), not here.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A CLASSES=(
  [shape-inference]=org.neuralcanvas.domain.bench.ShapeInferenceBench
  [dataset-load]=org.neuralcanvas.dataset.bench.DatasetLoadBench
  [matmul]=org.neuralcanvas.engine.bench.MatmulRate
  [mlp-step]=org.neuralcanvas.engine.bench.MlpStepRate
  [train-cycles]=org.neuralcanvas.engine.bench.TrainCyclesBench
  [layer-stats]=org.neuralcanvas.engine.bench.LayerStatsCostBench
  [cost-preview]=org.neuralcanvas.engine.bench.CostPreviewBench
  [engine-overhead]=org.neuralcanvas.engine.bench.EngineOverheadBench
  [canvas]=org.neuralcanvas.ui.bench.CanvasBench
  [dashboard]=org.neuralcanvas.ui.bench.DashboardOverheadBench
  [export]=org.neuralcanvas.export.ExportBench
  [keras-import]=org.neuralcanvas.engine.keras.KerasImportBench
  [peers]=org.neuralcanvas.engine.bench.peers.PeerBench
)

if [ $# -eq 0 ] || [ -z "${CLASSES[$1]:-}" ]; then
  echo "Usage: scripts/bench.sh NAME [ARGS...]. Benchmarks:"
  for name in "${!CLASSES[@]}"; do echo "  $name  (${CLASSES[$name]})"; done | sort
  exit 2
fi
main=${CLASSES[$1]}
profiles=()
java_flags=()
if [ "$1" = peers ]; then
  # PyTorch (DJL) and src/bench-peers come only with the peers profile, never in users' builds;
  # `cpu` named too, since naming any profile turns the default one off. Offline: DJL must use
  # the libtorch from Maven, not download its own.
  profiles=(-Pcpu,peers)
  java_flags=(-Dai.djl.offline=true)
fi
shift

mvn -B -q ${profiles[@]+"${profiles[@]}"} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt -Dneuralcanvas.datasets.skip
# -XX:MaxGCPauseMillis=20 as the app runs (pom.xml, javafx-maven-plugin options).
exec java -Xmx6g -XX:MaxGCPauseMillis=20 ${java_flags[@]+"${java_flags[@]}"} \
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
    -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" "$main" "$@"
