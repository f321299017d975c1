/**
 * The user's own data as datasets: a CSV table ({@link CsvTable} read once, {@link CsvDataset} made from it for a
 * chosen target) and a folder of images with one sub-folder per class ({@link ImageFolderDataset}); each kept by
 * path and SHA-256 ({@link OwnDataSpec}) and loaded once ({@link OwnDatasets}).
 */
package org.neuralcanvas.dataset.own;
