/**
 * The subset of TensorBoard's protocol buffers that event files use, parsed once with protobufjs.
 *
 * Origin: tensorflow/tensorboard (Apache License 2.0, Copyright The TensorFlow Authors):
 *   tensorboard/compat/proto/event.proto, summary.proto, tensor.proto, tensor_shape.proto, types.proto,
 *   histogram.proto, and tensorboard/plugins/hparams/api.proto, plugin_data.proto; the HParams plugin's
 *   tag names and version from tensorboard/plugins/hparams/metadata.py. Field numbers and types are copied
 *   as they are there; messages and fields event files never need are left out (protobuf skips unknown
 *   fields, so files that carry them still decode). google.protobuf.Value comes from protobufjs' bundled
 *   well-known types.
 */
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto3";
package tensorboard;
import "google/protobuf/struct.proto";

message Event {
  double wall_time = 1;
  int64 step = 2;
  oneof what {
    string file_version = 3;
    bytes graph_def = 4;
    Summary summary = 5;
    SessionLog session_log = 7;
    bytes meta_graph_def = 9;
  }
}

message SessionLog {
  enum SessionStatus { STATUS_UNSPECIFIED = 0; START = 1; STOP = 2; CHECKPOINT = 3; }
  SessionStatus status = 1;
  string checkpoint_path = 2;
  string msg = 3;
}

enum DataClass { DATA_CLASS_UNKNOWN = 0; DATA_CLASS_SCALAR = 1; DATA_CLASS_TENSOR = 2; DATA_CLASS_BLOB_SEQUENCE = 3; }

message SummaryMetadata {
  message PluginData { string plugin_name = 1; bytes content = 2; }
  PluginData plugin_data = 1;
  string display_name = 2;
  string summary_description = 3;
  DataClass data_class = 4;
}

message HistogramProto {
  double min = 1;
  double max = 2;
  double num = 3;
  double sum = 4;
  double sum_squares = 5;
  repeated double bucket_limit = 6 [packed = true];
  repeated double bucket = 7 [packed = true];
}

enum DataType { DT_INVALID = 0; DT_FLOAT = 1; DT_DOUBLE = 2; DT_INT32 = 3; DT_STRING = 7; DT_INT64 = 9; DT_BOOL = 10; DT_HALF = 19; }

message TensorShapeProto {
  message Dim { int64 size = 1; string name = 2; }
  repeated Dim dim = 2;
  bool unknown_rank = 3;
}

message TensorProto {
  DataType dtype = 1;
  TensorShapeProto tensor_shape = 2;
  int32 version_number = 3;
  bytes tensor_content = 4;
  repeated int32 half_val = 13 [packed = true];
  repeated float float_val = 5 [packed = true];
  repeated double double_val = 6 [packed = true];
  repeated int32 int_val = 7 [packed = true];
  repeated bytes string_val = 8;
  repeated int64 int64_val = 10 [packed = true];
  repeated bool bool_val = 11 [packed = true];
}

message Summary {
  message Image { int32 height = 1; int32 width = 2; int32 colorspace = 3; bytes encoded_image_string = 4; }
  message Audio { float sample_rate = 1; int64 num_channels = 2; int64 length_frames = 3; bytes encoded_audio_string = 4; string content_type = 5; }
  message Value {
    string node_name = 7;
    string tag = 1;
    SummaryMetadata metadata = 9;
    oneof value {
      float simple_value = 2;
      bytes obsolete_old_style_histogram = 3;
      Image image = 4;
      HistogramProto histo = 5;
      Audio audio = 6;
      TensorProto tensor = 8;
    }
  }
  repeated Value value = 1;
}
`;

// hparams is its own package in TensorBoard; protobufjs takes one package per source, so it is a second one.
const HPARAMS_PROTO = `
syntax = "proto3";
package tensorboard.hparams;
import "google/protobuf/struct.proto";

enum DataType { DATA_TYPE_UNSET = 0; DATA_TYPE_STRING = 1; DATA_TYPE_BOOL = 2; DATA_TYPE_FLOAT64 = 3; }
enum DatasetType { DATASET_UNKNOWN = 0; DATASET_TRAINING = 1; DATASET_VALIDATION = 2; }
enum Status { STATUS_UNKNOWN = 0; STATUS_SUCCESS = 1; STATUS_FAILURE = 2; STATUS_RUNNING = 3; }

message Interval { double min_value = 1; double max_value = 2; }

message HParamInfo {
  string name = 1;
  string display_name = 2;
  string description = 3;
  DataType type = 4;
  oneof domain {
    google.protobuf.ListValue domain_discrete = 5;
    Interval domain_interval = 6;
  }
}

message MetricName { string group = 1; string tag = 2; }

message MetricInfo {
  MetricName name = 1;
  string display_name = 3;
  string description = 4;
  DatasetType dataset_type = 5;
}

message Experiment {
  string name = 6;
  string description = 1;
  string user = 2;
  double time_created_secs = 3;
  repeated HParamInfo hparam_infos = 4;
  repeated MetricInfo metric_infos = 5;
}

message SessionStartInfo {
  map<string, google.protobuf.Value> hparams = 1;
  string model_uri = 2;
  string monitor_url = 3;
  string group_name = 4;
  double start_time_secs = 5;
}

message SessionEndInfo { Status status = 1; double end_time_secs = 2; }

message HParamsPluginData {
  int32 version = 1;
  oneof data {
    Experiment experiment = 2;
    SessionStartInfo session_start_info = 3;
    SessionEndInfo session_end_info = 4;
  }
}
`;

const root = new protobuf.Root();
const struct = protobuf.common.get('google/protobuf/struct.proto');
if (struct?.nested) root.addJSON(struct.nested);
protobuf.parse(PROTO, root, { keepCase: true });
protobuf.parse(HPARAMS_PROTO, root, { keepCase: true });
root.resolveAll();

export const EventType = root.lookupType('tensorboard.Event');
export const SummaryType = root.lookupType('tensorboard.Summary');
export const TensorType = root.lookupType('tensorboard.TensorProto');
export const HParamsPluginDataType = root.lookupType('tensorboard.hparams.HParamsPluginData');

/** From tensorboard/compat/proto/types.proto. */
export const DT_FLOAT = 1;
export const DT_DOUBLE = 2;

/** From tensorboard/plugins/hparams/metadata.py. */
export const HPARAMS = {
  pluginName: 'hparams',
  version: 0,
  experimentTag: '_hparams_/experiment',
  sessionStartTag: '_hparams_/session_start_info',
  sessionEndTag: '_hparams_/session_end_info',
} as const;

/** The scalar plugin's name (tensorboard/plugins/scalar/metadata.py). */
export const SCALARS_PLUGIN = 'scalars';
