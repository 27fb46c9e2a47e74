/** core/interop: TensorBoard event files in (`importTensorBoard`) and out (`exportTensorBoard`), on the store. */
export {
  importTensorBoard,
  type TensorBoardImportOptions,
  type TensorBoardImportReport,
  type ImportedRunReport,
} from './import-tensorboard';
export { exportTensorBoard, type TensorBoardExportOptions, type TensorBoardExportReport } from './export-tensorboard';
