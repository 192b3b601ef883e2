//===- OpSchema.cpp - the MXNet op table: aliases, inputs, attributes -----===//
//
// Facts taken from MXNet 1.9's op registrations (FListInputNames,
// FNumOutputs, FMutateInputs, the dmlc::Parameter structs) for every op the
// sym dialect models. Attribute names here are the ODS attribute names.
//
//===----------------------------------------------------------------------===//

#include "symc/Import/OpSchema.h"

#include "symc/Dialect/DType.h"
#include "symc/Dialect/SymDialect.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"

using namespace mlir;

namespace symc {

//===----------------------------------------------------------------------===//
// Attribute strings
//===----------------------------------------------------------------------===//

std::optional<bool> parseBoolString(StringRef text) {
  // dmlc::Parameter lower-cases booleans before comparing.
  std::string lower = text.trim().lower();
  if (lower == "true" || lower == "1")
    return true;
  if (lower == "false" || lower == "0")
    return false;
  return std::nullopt;
}

namespace {
std::optional<int64_t> parseInt(StringRef text) {
  text = text.trim();
  if (text.ends_with("L")) // Python 2 longs in old files
    text = text.drop_back();
  int64_t value;
  if (text.empty() || text.getAsInteger(10, value))
    return std::nullopt;
  return value;
}

std::optional<double> parseDouble(StringRef text) {
  text = text.trim();
  double value;
  if (text.empty() || text.getAsDouble(value, /*AllowInexact=*/true))
    return std::nullopt;
  return value;
}
} // namespace

namespace {
/// MXNet's Tuple<T> syntax: "(a, b)", "[a,b]", "(a,)", "()" or a bare "a";
/// `parseEntry` reads one entry (nullopt when invalid).
template <typename T, typename ParseEntry>
std::optional<SmallVector<T>> parseTuple(StringRef text, ParseEntry parseEntry) {
  text = text.trim();
  SmallVector<T> values;
  if (text.empty())
    return std::nullopt;
  bool bracketed = text.front() == '(' || text.front() == '[';
  if (bracketed) {
    char close = text.front() == '(' ? ')' : ']';
    if (text.back() != close)
      return std::nullopt;
    text = text.drop_front().drop_back();
  }
  SmallVector<StringRef> parts;
  text.split(parts, ',');
  for (size_t i = 0; i < parts.size(); ++i) {
    StringRef part = parts[i].trim();
    // "()" and the trailing comma of "(3,)".
    if (part.empty() && (parts.size() == 1 || i + 1 == parts.size()) &&
        bracketed)
      continue;
    std::optional<T> value = parseEntry(part);
    if (!value)
      return std::nullopt;
    values.push_back(*value);
  }
  if (!bracketed && values.size() != 1)
    return std::nullopt;
  return values;
}
} // namespace

std::optional<SmallVector<int64_t>> parseIntTuple(StringRef text,
                                                  bool allowNone) {
  return parseTuple<int64_t>(text, [&](StringRef part) -> std::optional<int64_t> {
    if (allowNone && part == "None")
      return kNoneEntry;
    return parseInt(part);
  });
}

std::optional<SmallVector<double>> parseFloatTuple(StringRef text) {
  return parseTuple<double>(text, parseDouble);
}

std::string formatDouble(double value) {
  for (int precision = 6; precision <= 17; ++precision) {
    std::string text;
    llvm::raw_string_ostream(text) << llvm::format("%.*g", precision, value);
    std::optional<double> back = parseDouble(text);
    if (back && *back == value)
      return text;
  }
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%.17g", value);
  return text;
}

std::optional<Attribute> parseAttrString(MLIRContext *ctx, const AttrSpec &spec,
                                         StringRef text) {
  Builder b(ctx);
  switch (spec.kind) {
  case AttrKind::Int:
    if (std::optional<int64_t> v = parseInt(text))
      return b.getI64IntegerAttr(*v);
    return std::nullopt;
  case AttrKind::Float:
    if (std::optional<double> v = parseDouble(text))
      return b.getF64FloatAttr(*v);
    return std::nullopt;
  case AttrKind::Bool:
    if (std::optional<bool> v = parseBoolString(text))
      return b.getBoolAttr(*v);
    return std::nullopt;
  case AttrKind::Tuple:
  case AttrKind::OptionalTuple:
    if (std::optional<SmallVector<int64_t>> v =
            parseIntTuple(text, spec.kind == AttrKind::OptionalTuple))
      return b.getDenseI64ArrayAttr(*v);
    return std::nullopt;
  case AttrKind::FloatTuple:
    if (std::optional<SmallVector<double>> v = parseFloatTuple(text))
      return b.getDenseF64ArrayAttr(*v);
    return std::nullopt;
  case AttrKind::DType:
    if (const DTypeInfo *info = lookupDTypeByName(text.trim()))
      return TypeAttr::get(getMLIRType(ctx, *info));
    return std::nullopt;
  case AttrKind::String:
    return b.getStringAttr(text);
  case AttrKind::Enum:
    if (Attribute attr = spec.parseEnum(ctx, text.trim()))
      return attr;
    return std::nullopt;
  }
  return std::nullopt;
}

std::string printAttrString(const AttrSpec &spec, Attribute attr) {
  switch (spec.kind) {
  case AttrKind::Int:
    return std::to_string(cast<IntegerAttr>(attr).getInt());
  case AttrKind::Float:
    return formatDouble(cast<FloatAttr>(attr).getValueAsDouble());
  case AttrKind::Bool:
    return cast<BoolAttr>(attr).getValue() ? "True" : "False";
  case AttrKind::Tuple:
  case AttrKind::OptionalTuple: {
    ArrayRef<int64_t> values = cast<DenseI64ArrayAttr>(attr).asArrayRef();
    std::string text = "(";
    for (size_t i = 0; i < values.size(); ++i)
      text += (i ? ", " : "") + (values[i] == kNoneEntry
                                     ? std::string("None")
                                     : std::to_string(values[i]));
    return text + (values.size() == 1 ? ",)" : ")");
  }
  case AttrKind::FloatTuple: {
    ArrayRef<double> values = cast<DenseF64ArrayAttr>(attr).asArrayRef();
    std::string text = "(";
    for (size_t i = 0; i < values.size(); ++i)
      text += (i ? ", " : "") + formatDouble(values[i]);
    return text + (values.size() == 1 ? ",)" : ")");
  }
  case AttrKind::DType: {
    const DTypeInfo *info = lookupDTypeByType(cast<TypeAttr>(attr).getValue());
    return info ? info->name.str() : "float32";
  }
  case AttrKind::String:
    return cast<StringAttr>(attr).getValue().str();
  case AttrKind::Enum:
    return spec.printEnum(attr);
  }
  return "";
}

//===----------------------------------------------------------------------===//
// The op table
//===----------------------------------------------------------------------===//

namespace {
using namespace symc::sym;

/// The parse/print pair of an ODS enum attribute.
#define SYM_ENUM_SPEC(NAME, ENUM)                                              \
  AttrSpec {                                                                   \
    NAME, AttrKind::Enum,                                                      \
        [](MLIRContext *ctx, StringRef text) -> Attribute {                    \
          if (std::optional<ENUM> value = symbolize##ENUM(text))               \
            return ENUM##Attr::get(ctx, *value);                               \
          return {};                                                           \
        },                                                                     \
        [](Attribute attr) {                                                   \
          return stringify##ENUM(cast<ENUM##Attr>(attr).getValue()).str();     \
        }                                                                      \
  }

bool isTrue(const AttrStrings &attrs, StringRef name) {
  auto it = attrs.find(name);
  return it != attrs.end() && parseBoolString(it->second).value_or(false);
}
int64_t intOr(const AttrStrings &attrs, StringRef name, int64_t dflt) {
  auto it = attrs.find(name);
  if (it == attrs.end())
    return dflt;
  return parseInt(it->second).value_or(dflt);
}

SmallVector<std::string> dataOnly(const AttrStrings &) { return {"data"}; }
SmallVector<std::string> lhsRhs(const AttrStrings &) { return {"lhs", "rhs"}; }
SmallVector<std::string> withOptionalBias(const AttrStrings &attrs) {
  if (isTrue(attrs, "no_bias"))
    return {"data", "weight"};
  return {"data", "weight", "bias"};
}
/// Deconvolution's no_bias defaults to true.
SmallVector<std::string> deconvolutionInputs(const AttrStrings &attrs) {
  auto it = attrs.find("no_bias");
  if (it != attrs.end() && !parseBoolString(it->second).value_or(true))
    return {"data", "weight", "bias"};
  return {"data", "weight"};
}
SmallVector<std::string> leakyInputs(const AttrStrings &attrs) {
  auto it = attrs.find("act_type");
  if (it != attrs.end() && StringRef(it->second).trim() == "prelu")
    return {"data", "gamma"};
  return {"data"};
}
SmallVector<std::string> batchNormInputs(const AttrStrings &) {
  return {"data", "gamma", "beta", "moving_mean", "moving_var"};
}
SmallVector<std::string> softmaxOutputInputs(const AttrStrings &) {
  return {"data", "label"};
}
SmallVector<std::string> softmaxInputs(const AttrStrings &attrs) {
  if (isTrue(attrs, "use_length"))
    return {"data", "length"};
  return {"data"};
}
SmallVector<std::string> concatInputs(const AttrStrings &attrs) {
  SmallVector<std::string> names;
  for (int64_t i = 0, n = intOr(attrs, "num_args", 1); i < n && i < 100000; ++i)
    names.push_back("arg" + std::to_string(i));
  return names;
}

unsigned one(const AttrStrings &) { return 1; }
unsigned two(const AttrStrings &) { return 2; }
unsigned three(const AttrStrings &) { return 3; }
/// BatchNorm, LayerNorm, GroupNorm: the mean and var/std outputs are
/// hidden unless output_mean_var.
unsigned meanVarVisible(const AttrStrings &attrs) {
  return isTrue(attrs, "output_mean_var") ? 3 : 1;
}
unsigned leakyOutputs(const AttrStrings &attrs) {
  auto it = attrs.find("act_type");
  return it != attrs.end() && StringRef(it->second).trim() == "rrelu" ? 2 : 1;
}
unsigned sliceOutputs(const AttrStrings &attrs) {
  int64_t n = intOr(attrs, "num_outputs", 1);
  return n < 1 || n > 100000 ? 1 : (unsigned)n;
}

const AttrSpec kFullyConnectedAttrs[] = {{"num_hidden", AttrKind::Int},
                                         {"no_bias", AttrKind::Bool},
                                         {"flatten", AttrKind::Bool}};
const AttrSpec kConvolutionAttrs[] = {
    {"kernel", AttrKind::Tuple},     {"stride", AttrKind::Tuple},
    {"dilate", AttrKind::Tuple},     {"pad", AttrKind::Tuple},
    {"num_filter", AttrKind::Int},   {"num_group", AttrKind::Int},
    {"no_bias", AttrKind::Bool},     {"layout", AttrKind::String}};
const AttrSpec kDeconvolutionAttrs[] = {
    {"kernel", AttrKind::Tuple},     {"stride", AttrKind::Tuple},
    {"dilate", AttrKind::Tuple},     {"pad", AttrKind::Tuple},
    {"adj", AttrKind::Tuple},        {"target_shape", AttrKind::Tuple},
    {"num_filter", AttrKind::Int},   {"num_group", AttrKind::Int},
    {"no_bias", AttrKind::Bool},     {"layout", AttrKind::String}};
const AttrSpec kPoolingAttrs[] = {
    {"kernel", AttrKind::Tuple},
    SYM_ENUM_SPEC("pool_type", PoolType),
    {"global_pool", AttrKind::Bool},
    SYM_ENUM_SPEC("pooling_convention", PoolingConvention),
    {"stride", AttrKind::Tuple},
    {"pad", AttrKind::Tuple},
    {"p_value", AttrKind::Int},
    {"count_include_pad", AttrKind::Bool},
    {"layout", AttrKind::String}};
const AttrSpec kActivationAttrs[] = {SYM_ENUM_SPEC("act_type", ActType)};
const AttrSpec kLeakyReLUAttrs[] = {SYM_ENUM_SPEC("act_type", LeakyActType),
                                    {"slope", AttrKind::Float},
                                    {"lower_bound", AttrKind::Float},
                                    {"upper_bound", AttrKind::Float}};
const AttrSpec kBatchNormAttrs[] = {
    {"eps", AttrKind::Float},          {"momentum", AttrKind::Float},
    {"fix_gamma", AttrKind::Bool},     {"use_global_stats", AttrKind::Bool},
    {"output_mean_var", AttrKind::Bool}, {"axis", AttrKind::Int}};
const AttrSpec kDropoutAttrs[] = {{"p", AttrKind::Float},
                                  SYM_ENUM_SPEC("mode", DropoutMode),
                                  {"axes", AttrKind::Tuple},
                                  {"cudnn_off", AttrKind::Bool}};
const AttrSpec kSoftmaxOutputAttrs[] = {
    {"grad_scale", AttrKind::Float},
    {"ignore_label", AttrKind::Float},
    {"multi_output", AttrKind::Bool},
    {"use_ignore", AttrKind::Bool},
    {"preserve_shape", AttrKind::Bool},
    SYM_ENUM_SPEC("normalization", SoftmaxNormalization),
    {"out_grad", AttrKind::Bool},
    {"smooth_alpha", AttrKind::Float}};
const AttrSpec kSoftmaxActivationAttrs[] = {
    SYM_ENUM_SPEC("mode", SoftmaxActivationMode)};
const AttrSpec kSoftmaxAttrs[] = {{"axis", AttrKind::Int},
                                  {"temperature", AttrKind::Float},
                                  {"dtype", AttrKind::DType},
                                  {"use_length", AttrKind::Bool}};
const AttrSpec kRegressionAttrs[] = {{"grad_scale", AttrKind::Float}};
const AttrSpec kReshapeAttrs[] = {{"shape", AttrKind::Tuple},
                                  {"reverse", AttrKind::Bool},
                                  {"target_shape", AttrKind::Tuple},
                                  {"keep_highest", AttrKind::Bool}};
const AttrSpec kTransposeAttrs[] = {{"axes", AttrKind::Tuple}};
const AttrSpec kConcatAttrs[] = {{"num_args", AttrKind::Int},
                                 {"dim", AttrKind::Int}};
const AttrSpec kSliceChannelAttrs[] = {{"num_outputs", AttrKind::Int},
                                       {"axis", AttrKind::Int},
                                       {"squeeze_axis", AttrKind::Bool}};
const AttrSpec kCastAttrs[] = {{"dtype", AttrKind::DType}};
const AttrSpec kScalarAttrs[] = {{"scalar", AttrKind::Float},
                                 {"is_int", AttrKind::Bool}};

const AttrSpec kHardSigmoidAttrs[] = {{"alpha", AttrKind::Float},
                                      {"beta", AttrKind::Float}};

const AttrSpec kExpandDimsAttrs[] = {{"axis", AttrKind::Int}};
const AttrSpec kBroadcastAxisAttrs[] = {{"axis", AttrKind::Tuple},
                                        {"size", AttrKind::Tuple}};
const AttrSpec kBroadcastToAttrs[] = {{"shape", AttrKind::Tuple}};
const AttrSpec kClipAttrs[] = {{"a_min", AttrKind::Float},
                               {"a_max", AttrKind::Float}};

SmallVector<std::string> whereInputs(const AttrStrings &) {
  return {"condition", "x", "y"};
}

const AttrSpec kReduceAttrs[] = {{"axis", AttrKind::Tuple},
                                 {"keepdims", AttrKind::Bool},
                                 {"exclude", AttrKind::Bool}};
const AttrSpec kDotAttrs[] = {{"transpose_a", AttrKind::Bool},
                              {"transpose_b", AttrKind::Bool}};
const AttrSpec kLayerNormAttrs[] = {{"axis", AttrKind::Int},
                                    {"eps", AttrKind::Float},
                                    {"output_mean_var", AttrKind::Bool}};
const AttrSpec kEmbeddingAttrs[] = {{"input_dim", AttrKind::Int},
                                    {"output_dim", AttrKind::Int},
                                    {"dtype", AttrKind::DType},
                                    {"sparse_grad", AttrKind::Bool}};
const AttrSpec kSliceAxisAttrs[] = {{"axis", AttrKind::Int},
                                    {"begin", AttrKind::Int},
                                    {"end", AttrKind::Int}};
const AttrSpec kSqueezeAttrs[] = {{"axis", AttrKind::Tuple}};
const AttrSpec kStackAttrs[] = {{"axis", AttrKind::Int},
                                {"num_args", AttrKind::Int}};

SmallVector<std::string> layerNormInputs(const AttrStrings &) {
  return {"data", "gamma", "beta"};
}
SmallVector<std::string> embeddingInputs(const AttrStrings &) {
  return {"data", "weight"};
}

const AttrSpec kFillAttrs[] = {{"shape", AttrKind::Tuple},
                               {"dtype", AttrKind::DType}};
const AttrSpec kFullAttrs[] = {{"shape", AttrKind::Tuple},
                               {"dtype", AttrKind::DType},
                               {"value", AttrKind::Float}};
const AttrSpec kArangeAttrs[] = {{"start", AttrKind::Float},
                                 {"stop", AttrKind::Float},
                                 {"step", AttrKind::Float},
                                 {"repeat", AttrKind::Int},
                                 {"infer_range", AttrKind::Bool},
                                 {"dtype", AttrKind::DType}};
const AttrSpec kSequenceMaskAttrs[] = {{"use_sequence_length", AttrKind::Bool},
                                       {"value", AttrKind::Float},
                                       {"axis", AttrKind::Int}};

SmallVector<std::string> noInputs(const AttrStrings &) { return {}; }
SmallVector<std::string> sequenceMaskInputs(const AttrStrings &attrs) {
  if (isTrue(attrs, "use_sequence_length"))
    return {"data", "sequence_length"};
  return {"data"};
}

const AttrSpec kSliceAttrs[] = {{"begin", AttrKind::OptionalTuple},
                                {"end", AttrKind::OptionalTuple},
                                {"step", AttrKind::OptionalTuple}};
const AttrSpec kGroupNormAttrs[] = {{"num_groups", AttrKind::Int},
                                    {"eps", AttrKind::Float},
                                    {"output_mean_var", AttrKind::Bool}};
const AttrSpec kLRNAttrs[] = {{"alpha", AttrKind::Float}, {"beta", AttrKind::Float},
                              {"knorm", AttrKind::Float}, {"nsize", AttrKind::Int}};
const StringLiteral kLRNOutputs[] = {"output", "tmp_norm"};
const AttrSpec kSwapAxisAttrs[] = {{"dim1", AttrKind::Int}, {"dim2", AttrKind::Int}};
const AttrSpec kReverseAttrs[] = {{"axis", AttrKind::Tuple}};
const AttrSpec kTileAttrs[] = {{"reps", AttrKind::Tuple}};
const AttrSpec kRepeatAttrs[] = {{"repeats", AttrKind::Int}, {"axis", AttrKind::Int}};
const AttrSpec kArgReduceAttrs[] = {{"axis", AttrKind::Int},
                                    {"keepdims", AttrKind::Bool}};
const AttrSpec kInstanceNormAttrs[] = {{"eps", AttrKind::Float}};
const AttrSpec kL2NormAttrs[] = {{"eps", AttrKind::Float}, {"mode", AttrKind::String}};
const StringLiteral kL2NormOutputs[] = {"output", "norm"};
const AttrSpec kPadAttrs[] = {{"mode", AttrKind::String},
                              {"pad_width", AttrKind::Tuple},
                              {"constant_value", AttrKind::Float}};
const AttrSpec kBlockAttrs[] = {{"block_size", AttrKind::Int}};
const AttrSpec kCastStorageAttrs[] = {{"stype", AttrKind::String}};
const AttrSpec kNormAttrs[] = {{"ord", AttrKind::Int},
                               {"axis", AttrKind::Tuple},
                               {"keepdims", AttrKind::Bool},
                               {"out_dtype", AttrKind::String}};
const AttrSpec kUpSamplingAttrs[] = {{"scale", AttrKind::Int},
                                     {"sample_type", AttrKind::String},
                                     {"num_args", AttrKind::Int},
                                     {"num_filter", AttrKind::Int},
                                     {"multi_input_mode", AttrKind::String}};
/// UpSampling's inputs are arg0..arg{num_args-1} (nearest), or data and
/// weight (bilinear, whatever num_args says).
SmallVector<std::string> upSamplingInputs(const AttrStrings &attrs) {
  auto it = attrs.find("sample_type");
  if (it != attrs.end() && StringRef(it->second).trim() == "bilinear")
    return {"data", "weight"};
  return concatInputs(attrs);
}
const AttrSpec kOneHotAttrs[] = {{"depth", AttrKind::Int},
                                 {"on_value", AttrKind::Float},
                                 {"off_value", AttrKind::Float},
                                 {"dtype", AttrKind::DType}};
const AttrSpec kTakeAttrs[] = {{"axis", AttrKind::Int}, {"mode", AttrKind::String}};
const AttrSpec kPickAttrs[] = {{"axis", AttrKind::Int},
                               {"keepdims", AttrKind::Bool},
                               {"mode", AttrKind::String}};
SmallVector<std::string> indicesOnly(const AttrStrings &) { return {"indices"}; }
SmallVector<std::string> takeInputs(const AttrStrings &) { return {"a", "indices"}; }
SmallVector<std::string> pickInputs(const AttrStrings &) { return {"data", "index"}; }

const AttrSpec kRNNAttrs[] = {
    {"state_size", AttrKind::Int},         {"num_layers", AttrKind::Int},
    {"bidirectional", AttrKind::Bool},     SYM_ENUM_SPEC("mode", RNNMode),
    {"p", AttrKind::Float},                {"state_outputs", AttrKind::Bool},
    {"projection_size", AttrKind::Int},    {"lstm_state_clip_min", AttrKind::Float},
    {"lstm_state_clip_max", AttrKind::Float},
    {"lstm_state_clip_nan", AttrKind::Bool},
    {"use_sequence_length", AttrKind::Bool}};
bool isLSTM(const AttrStrings &attrs) {
  auto it = attrs.find("mode");
  return it != attrs.end() && StringRef(it->second).trim() == "lstm";
}
SmallVector<std::string> rnnInputs(const AttrStrings &attrs) {
  SmallVector<std::string> names = {"data", "parameters", "state"};
  if (isLSTM(attrs))
    names.push_back("state_cell");
  if (isTrue(attrs, "use_sequence_length"))
    names.push_back("sequence_length");
  return names;
}
unsigned rnnOutputs(const AttrStrings &attrs) {
  if (!isTrue(attrs, "state_outputs"))
    return 1;
  return isLSTM(attrs) ? 3 : 2;
}
const StringLiteral kRNNOutputs[] = {"output", "state_output", "statecell_output"};

const AttrSpec kMultiBoxPriorAttrs[] = {
    {"sizes", AttrKind::FloatTuple}, {"ratios", AttrKind::FloatTuple},
    {"clip", AttrKind::Bool},        {"steps", AttrKind::FloatTuple},
    {"offsets", AttrKind::FloatTuple}};
const AttrSpec kMultiBoxDetectionAttrs[] = {
    {"clip", AttrKind::Bool},           {"threshold", AttrKind::Float},
    {"background_id", AttrKind::Int},   {"nms_threshold", AttrKind::Float},
    {"force_suppress", AttrKind::Bool}, {"variances", AttrKind::FloatTuple},
    {"nms_topk", AttrKind::Int}};
SmallVector<std::string> multiBoxDetectionInputs(const AttrStrings &) {
  return {"cls_prob", "loc_pred", "anchor"};
}
const AttrSpec kBoxNMSAttrs[] = {
    {"overlap_thresh", AttrKind::Float}, {"valid_thresh", AttrKind::Float},
    {"topk", AttrKind::Int},             {"coord_start", AttrKind::Int},
    {"score_index", AttrKind::Int},      {"id_index", AttrKind::Int},
    {"background_id", AttrKind::Int},    {"force_suppress", AttrKind::Bool},
    {"in_format", AttrKind::String},     {"out_format", AttrKind::String}};
const AttrSpec kBoxIoUAttrs[] = {{"format", AttrKind::String}};

const AttrSpec kTopKAttrs[] = {{"axis", AttrKind::Int},
                               {"k", AttrKind::Int},
                               {"ret_typ", AttrKind::String},
                               {"is_ascend", AttrKind::Bool},
                               {"dtype", AttrKind::DType}};
const AttrSpec kSortAttrs[] = {{"axis", AttrKind::Int},
                               {"is_ascend", AttrKind::Bool}};
const AttrSpec kArgSortAttrs[] = {{"axis", AttrKind::Int},
                                  {"is_ascend", AttrKind::Bool},
                                  {"dtype", AttrKind::DType}};
/// topk has a second (hidden for `value`) result unless it returns only
/// indices or a mask.
unsigned topkOutputs(const AttrStrings &attrs) {
  auto it = attrs.find("ret_typ");
  StringRef ret = it == attrs.end() ? "indices" : StringRef(it->second).trim();
  return ret == "value" || ret == "both" ? 2 : 1;
}
const AttrSpec kHistogramAttrs[] = {{"bin_cnt", AttrKind::Int},
                                    {"range", AttrKind::FloatTuple}};
/// Uniform bins (bin_cnt) need no second input; otherwise it holds the edges.
SmallVector<std::string> histogramInputs(const AttrStrings &attrs) {
  auto it = attrs.find("bin_cnt");
  if (it != attrs.end() && StringRef(it->second).trim() != "None")
    return {"data"};
  return {"data", "bins"};
}

/// topk's indices are hidden when it returns values only.
unsigned topkVisibleOutputs(const AttrStrings &attrs) {
  auto it = attrs.find("ret_typ");
  return it != attrs.end() && StringRef(it->second).trim() == "both" ? 2 : 1;
}
SmallVector<std::string> dataIndices(const AttrStrings &) {
  return {"data", "indices"};
}
const AttrSpec kScatterNDAttrs[] = {{"shape", AttrKind::Tuple}};
const AttrSpec kDiagAttrs[] = {{"k", AttrKind::Int},
                               {"axis1", AttrKind::Int},
                               {"axis2", AttrKind::Int}};
const AttrSpec kSplitV2Attrs[] = {{"indices", AttrKind::Tuple},
                                  {"axis", AttrKind::Int},
                                  {"squeeze_axis", AttrKind::Bool},
                                  {"sections", AttrKind::Int}};
unsigned splitV2Outputs(const AttrStrings &attrs) {
  int64_t sections = intOr(attrs, "sections", 0);
  if (sections > 0)
    return sections > 100000 ? 1 : (unsigned)sections;
  auto it = attrs.find("indices");
  std::optional<SmallVector<int64_t>> indices =
      it == attrs.end() ? std::nullopt : parseIntTuple(it->second);
  return indices && !indices->empty() ? (unsigned)indices->size() : 1;
}
const AttrSpec kSliceLikeAttrs[] = {{"axes", AttrKind::Tuple}};
SmallVector<std::string> sliceLikeInputs(const AttrStrings &) {
  return {"data", "shape_like"};
}
const AttrSpec kSequenceAttrs[] = {{"use_sequence_length", AttrKind::Bool},
                                   {"axis", AttrKind::Int}};
const AttrSpec kLinspaceAttrs[] = {{"start", AttrKind::Float},
                                   {"stop", AttrKind::Float},
                                   {"num", AttrKind::Int},
                                   {"endpoint", AttrKind::Bool},
                                   {"dtype", AttrKind::DType}};
const AttrSpec kEyeAttrs[] = {{"N", AttrKind::Int},
                              {"M", AttrKind::Int},
                              {"k", AttrKind::Int},
                              {"dtype", AttrKind::DType}};
const AttrSpec kLegacyMakeLossAttrs[] = {{"grad_scale", AttrKind::Float},
                                         {"valid_thresh", AttrKind::Float},
                                         {"normalization", AttrKind::String}};

const AttrSpec kCropAttrs[] = {{"num_args", AttrKind::Int},
                               {"offset", AttrKind::Tuple},
                               {"h_w", AttrKind::Tuple},
                               {"center_crop", AttrKind::Bool}};
const AttrSpec kBilinearResizeAttrs[] = {
    {"height", AttrKind::Int},         {"width", AttrKind::Int},
    {"scale_height", AttrKind::Float}, {"scale_width", AttrKind::Float},
    {"mode", AttrKind::String},        {"align_corners", AttrKind::Bool}};
SmallVector<std::string> bilinearResizeInputs(const AttrStrings &attrs) {
  auto it = attrs.find("mode");
  if (it != attrs.end() && StringRef(it->second).trim() == "like")
    return {"data", "like"};
  return {"data"};
}
const AttrSpec kROIPoolingAttrs[] = {{"pooled_size", AttrKind::Tuple},
                                     {"spatial_scale", AttrKind::Float}};
const AttrSpec kROIAlignAttrs[] = {{"pooled_size", AttrKind::Tuple},
                                   {"spatial_scale", AttrKind::Float},
                                   {"sample_ratio", AttrKind::Int},
                                   {"position_sensitive", AttrKind::Bool},
                                   {"aligned", AttrKind::Bool}};
SmallVector<std::string> roiInputs(const AttrStrings &) {
  return {"data", "rois"};
}
const StringLiteral kROIPoolingOutputs[] = {"output", "maxidx"};

const AttrSpec kReshapeLikeAttrs[] = {{"lhs_begin", AttrKind::Int},
                                      {"lhs_end", AttrKind::Int},
                                      {"rhs_begin", AttrKind::Int},
                                      {"rhs_end", AttrKind::Int}};
const AttrSpec kBroadcastLikeAttrs[] = {{"lhs_axes", AttrKind::Tuple},
                                        {"rhs_axes", AttrKind::Tuple}};

const unsigned kBatchNormAux[] = {3, 4};
const StringLiteral kLayerNormOutputs[] = {"output", "mean", "std"};
const StringLiteral kBatchNormOutputs[] = {"output", "mean", "var"};
const StringLiteral kMaskedOutputs[] = {"output", "mask"};

#define SCALAR_OP(NAME) {NAME, kScalarAttrs, dataOnly, one, {}}
#define UNARY_OP(NAME) {NAME, {}, dataOnly, one, {}}
#define BINARY_OP(NAME) {NAME, {}, lhsRhs, one, {}}

const OpSchema kOpSchemas[] = {
    {"FullyConnected", kFullyConnectedAttrs, withOptionalBias, one, {}},
    {"Convolution", kConvolutionAttrs, withOptionalBias, one, {}},
    {"Deconvolution", kDeconvolutionAttrs, deconvolutionInputs, one, {}},
    {"Pooling", kPoolingAttrs, dataOnly, one, {}},
    {"Activation", kActivationAttrs, dataOnly, one, {}},
    {"LeakyReLU", kLeakyReLUAttrs, leakyInputs, leakyOutputs, {}, kMaskedOutputs},
    {"BatchNorm", kBatchNormAttrs, batchNormInputs, three, kBatchNormAux,
     kBatchNormOutputs, meanVarVisible},
    {"Dropout", kDropoutAttrs, dataOnly, two, {}, kMaskedOutputs, one},
    {"SoftmaxOutput", kSoftmaxOutputAttrs, softmaxOutputInputs, one, {}},
    {"SoftmaxActivation", kSoftmaxActivationAttrs, dataOnly, one, {}},
    {"softmax", kSoftmaxAttrs, softmaxInputs, one, {}},
    {"log_softmax", kSoftmaxAttrs, softmaxInputs, one, {}},
    {"softmin", kSoftmaxAttrs, softmaxInputs, one, {}},
    {"LinearRegressionOutput", kRegressionAttrs, softmaxOutputInputs, one, {}},
    {"MAERegressionOutput", kRegressionAttrs, softmaxOutputInputs, one, {}},
    {"LogisticRegressionOutput", kRegressionAttrs, softmaxOutputInputs, one, {}},
    {"Flatten", {}, dataOnly, one, {}},
    {"Reshape", kReshapeAttrs, dataOnly, one, {}},
    {"transpose", kTransposeAttrs, dataOnly, one, {}},
    {"Concat", kConcatAttrs, concatInputs, one, {}},
    {"SliceChannel", kSliceChannelAttrs, dataOnly, sliceOutputs, {}},
    {"Cast", kCastAttrs, dataOnly, one, {}},
    BINARY_OP("elemwise_add"),
    BINARY_OP("elemwise_sub"),
    BINARY_OP("elemwise_mul"),
    BINARY_OP("elemwise_div"),
    BINARY_OP("_maximum"),
    BINARY_OP("_minimum"),
    SCALAR_OP("_plus_scalar"),
    SCALAR_OP("_minus_scalar"),
    SCALAR_OP("_rminus_scalar"),
    SCALAR_OP("_mul_scalar"),
    SCALAR_OP("_div_scalar"),
    SCALAR_OP("_rdiv_scalar"),
    SCALAR_OP("_maximum_scalar"),
    SCALAR_OP("_minimum_scalar"),
    UNARY_OP("abs"),
    UNARY_OP("sign"),
    UNARY_OP("ceil"),
    UNARY_OP("floor"),
    UNARY_OP("round"),
    UNARY_OP("rint"),
    UNARY_OP("fix"),
    UNARY_OP("trunc"),
    UNARY_OP("sqrt"),
    UNARY_OP("rsqrt"),
    UNARY_OP("cbrt"),
    UNARY_OP("rcbrt"),
    UNARY_OP("exp"),
    UNARY_OP("expm1"),
    UNARY_OP("log"),
    UNARY_OP("log10"),
    UNARY_OP("log2"),
    UNARY_OP("log1p"),
    UNARY_OP("sin"),
    UNARY_OP("cos"),
    UNARY_OP("tan"),
    UNARY_OP("arcsin"),
    UNARY_OP("arccos"),
    UNARY_OP("arctan"),
    UNARY_OP("sinh"),
    UNARY_OP("cosh"),
    UNARY_OP("tanh"),
    UNARY_OP("arcsinh"),
    UNARY_OP("arccosh"),
    UNARY_OP("arctanh"),
    UNARY_OP("degrees"),
    UNARY_OP("radians"),
    UNARY_OP("square"),
    UNARY_OP("reciprocal"),
    UNARY_OP("negative"),
    UNARY_OP("erf"),
    UNARY_OP("sigmoid"),
    UNARY_OP("relu"),
    UNARY_OP("softsign"),
    UNARY_OP("log_sigmoid"),
    UNARY_OP("mish"),
    UNARY_OP("logical_not"),
    UNARY_OP("_copy"),
    UNARY_OP("BlockGrad"),
    UNARY_OP("make_loss"),
    {"hard_sigmoid", kHardSigmoidAttrs, dataOnly, one, {}},
    {"expand_dims", kExpandDimsAttrs, dataOnly, one, {}},
    {"_zeros", kFillAttrs, noInputs, one, {}},
    {"_ones", kFillAttrs, noInputs, one, {}},
    {"_full", kFullAttrs, noInputs, one, {}},
    {"_arange", kArangeAttrs, noInputs, one, {}},
    {"SequenceMask", kSequenceMaskAttrs, sequenceMaskInputs, one, {}},
    {"RNN", kRNNAttrs, rnnInputs, rnnOutputs, {}, kRNNOutputs},
    {"_contrib_MultiBoxPrior", kMultiBoxPriorAttrs, dataOnly, one, {}},
    {"_contrib_MultiBoxDetection", kMultiBoxDetectionAttrs,
     multiBoxDetectionInputs, one, {}},
    {"_contrib_box_nms", kBoxNMSAttrs, dataOnly, two, {}, {}, one},
    {"_contrib_box_iou", kBoxIoUAttrs, lhsRhs, one, {}},
    {"topk", kTopKAttrs, dataOnly, topkOutputs, {}, {}, topkVisibleOutputs},
    {"sort", kSortAttrs, dataOnly, two, {}, {}, one},
    {"_histogram", kHistogramAttrs, histogramInputs, two, {}},
    {"argsort", kArgSortAttrs, dataOnly, one, {}},
    {"gather_nd", {}, dataIndices, one, {}},
    {"scatter_nd", kScatterNDAttrs, dataIndices, one, {}},
    {"diag", kDiagAttrs, dataOnly, one, {}},
    {"_split_v2", kSplitV2Attrs, dataOnly, splitV2Outputs, {}},
    {"slice_like", kSliceLikeAttrs, sliceLikeInputs, one, {}},
    {"SequenceLast", kSequenceAttrs, sequenceMaskInputs, one, {}},
    {"SequenceReverse", kSequenceAttrs, sequenceMaskInputs, one, {}},
    {"_linspace", kLinspaceAttrs, noInputs, one, {}},
    {"_eye", kEyeAttrs, noInputs, one, {}},
    {"MakeLoss", kLegacyMakeLossAttrs, dataOnly, one, {}},
    {"Crop", kCropAttrs, concatInputs, one, {}},
    {"_contrib_BilinearResize2D", kBilinearResizeAttrs, bilinearResizeInputs,
     one, {}},
    {"ROIPooling", kROIPoolingAttrs, roiInputs, two, {}, kROIPoolingOutputs,
     one},
    {"_contrib_ROIAlign", kROIAlignAttrs, roiInputs, one, {}},
    UNARY_OP("erfinv"),
    UNARY_OP("gamma"),
    UNARY_OP("gammaln"),
    {"SwapAxis", kSwapAxisAttrs, dataOnly, one, {}},
    {"amp_cast", kCastAttrs, dataOnly, one, {}},
    UNARY_OP("argmax_channel"),
    {"GroupNorm", kGroupNormAttrs, layerNormInputs, three, {}, kLayerNormOutputs,
     meanVarVisible},
    {"LRN", kLRNAttrs, dataOnly, two, {}, kLRNOutputs, one},
    {"slice", kSliceAttrs, dataOnly, one, {}},
    {"smooth_l1", kScalarAttrs, dataOnly, one, {}},
    {"cast_storage", kCastStorageAttrs, dataOnly, one, {}},
    {"norm", kNormAttrs, dataOnly, one, {}},
    {"UpSampling", kUpSamplingAttrs, upSamplingInputs, one, {}},
    UNARY_OP("shape_array"),
    UNARY_OP("size_array"),
    {"Pad", kPadAttrs, dataOnly, one, {}},
    {"depth_to_space", kBlockAttrs, dataOnly, one, {}},
    {"space_to_depth", kBlockAttrs, dataOnly, one, {}},
    {"one_hot", kOneHotAttrs, indicesOnly, one, {}},
    {"take", kTakeAttrs, takeInputs, one, {}},
    {"pick", kPickAttrs, pickInputs, one, {}},
    {"reverse", kReverseAttrs, dataOnly, one, {}},
    {"tile", kTileAttrs, dataOnly, one, {}},
    {"repeat", kRepeatAttrs, dataOnly, one, {}},
    {"reshape_like", kReshapeLikeAttrs, lhsRhs, one, {}},
    {"broadcast_like", kBroadcastLikeAttrs, lhsRhs, one, {}},
    {"argmax", kArgReduceAttrs, dataOnly, one, {}},
    {"argmin", kArgReduceAttrs, dataOnly, one, {}},
    {"InstanceNorm", kInstanceNormAttrs, layerNormInputs, one, {}},
    {"L2Normalization", kL2NormAttrs, dataOnly, two, {}, kL2NormOutputs, one},
    {"sum", kReduceAttrs, dataOnly, one, {}},
    {"mean", kReduceAttrs, dataOnly, one, {}},
    {"prod", kReduceAttrs, dataOnly, one, {}},
    {"max", kReduceAttrs, dataOnly, one, {}},
    {"min", kReduceAttrs, dataOnly, one, {}},
    {"nansum", kReduceAttrs, dataOnly, one, {}},
    {"nanprod", kReduceAttrs, dataOnly, one, {}},
    {"dot", kDotAttrs, lhsRhs, one, {}},
    {"batch_dot", kDotAttrs, lhsRhs, one, {}},
    {"LayerNorm", kLayerNormAttrs, layerNormInputs, three, {}, kLayerNormOutputs,
     meanVarVisible},
    {"Embedding", kEmbeddingAttrs, embeddingInputs, one, {}},
    {"slice_axis", kSliceAxisAttrs, dataOnly, one, {}},
    {"squeeze", kSqueezeAttrs, dataOnly, one, {}},
    {"stack", kStackAttrs, concatInputs, one, {}},
    {"broadcast_axis", kBroadcastAxisAttrs, dataOnly, one, {}},
    {"broadcast_to", kBroadcastToAttrs, dataOnly, one, {}},
    UNARY_OP("zeros_like"),
    UNARY_OP("ones_like"),
    {"clip", kClipAttrs, dataOnly, one, {}},
    {"where", {}, whereInputs, one, {}},
    UNARY_OP("_contrib_div_sqrt_dim"),
    BINARY_OP("_mod"),
    BINARY_OP("_power"),
    BINARY_OP("_hypot"),
    BINARY_OP("_equal"),
    BINARY_OP("_not_equal"),
    BINARY_OP("_greater"),
    BINARY_OP("_greater_equal"),
    BINARY_OP("_lesser"),
    BINARY_OP("_lesser_equal"),
    BINARY_OP("_logical_and"),
    BINARY_OP("_logical_or"),
    BINARY_OP("_logical_xor"),
    BINARY_OP("broadcast_add"),
    BINARY_OP("broadcast_sub"),
    BINARY_OP("broadcast_mul"),
    BINARY_OP("broadcast_div"),
    BINARY_OP("broadcast_mod"),
    BINARY_OP("broadcast_power"),
    BINARY_OP("broadcast_maximum"),
    BINARY_OP("broadcast_minimum"),
    BINARY_OP("broadcast_hypot"),
    BINARY_OP("broadcast_equal"),
    BINARY_OP("broadcast_not_equal"),
    BINARY_OP("broadcast_greater"),
    BINARY_OP("broadcast_greater_equal"),
    BINARY_OP("broadcast_lesser"),
    BINARY_OP("broadcast_lesser_equal"),
    BINARY_OP("broadcast_logical_and"),
    BINARY_OP("broadcast_logical_or"),
    BINARY_OP("broadcast_logical_xor"),
    SCALAR_OP("_power_scalar"),
    SCALAR_OP("_rpower_scalar"),
    SCALAR_OP("_mod_scalar"),
    SCALAR_OP("_rmod_scalar"),
    SCALAR_OP("_hypot_scalar"),
    SCALAR_OP("_equal_scalar"),
    SCALAR_OP("_not_equal_scalar"),
    SCALAR_OP("_greater_scalar"),
    SCALAR_OP("_greater_equal_scalar"),
    SCALAR_OP("_lesser_scalar"),
    SCALAR_OP("_lesser_equal_scalar"),
    SCALAR_OP("_logical_and_scalar"),
    SCALAR_OP("_logical_or_scalar"),
    SCALAR_OP("_logical_xor_scalar"),
};

/// MXNet's add_alias registrations for the modelled ops.
const std::pair<StringLiteral, StringLiteral> kAliases[] = {
    {"concat", "Concat"},
    {"_Plus", "elemwise_add"},         {"_plus", "elemwise_add"},
    {"_add", "elemwise_add"},          {"_Minus", "elemwise_sub"},
    {"_minus", "elemwise_sub"},        {"_sub", "elemwise_sub"},
    {"_Mul", "elemwise_mul"},          {"_mul", "elemwise_mul"},
    {"_Div", "elemwise_div"},          {"_div", "elemwise_div"},
    {"_Maximum", "_maximum"},          {"_Minimum", "_minimum"},
    {"_PlusScalar", "_plus_scalar"},   {"_MinusScalar", "_minus_scalar"},
    {"_RMinusScalar", "_rminus_scalar"}, {"_MulScalar", "_mul_scalar"},
    {"_DivScalar", "_div_scalar"},     {"_RDivScalar", "_rdiv_scalar"},
    {"_MaximumScalar", "_maximum_scalar"},
    {"_MinimumScalar", "_minimum_scalar"},
    {"split", "SliceChannel"},         {"Softmax", "SoftmaxOutput"},
    {"cast", "Cast"},                  {"flatten", "Flatten"},
    {"reshape", "Reshape"},            {"_npx_fully_connected", "FullyConnected"},
    {"_npx_convolution", "Convolution"}, {"_npx_pooling", "Pooling"},
    {"_npx_deconvolution", "Deconvolution"},
    {"_npx_activation", "Activation"}, {"_npx_batch_norm", "BatchNorm"},
    {"_npx_dropout", "Dropout"},       {"_npx_leaky_relu", "LeakyReLU"},
    {"_Power", "_power"},              {"_Mod", "_mod"},
    {"_Hypot", "_hypot"},              {"_Equal", "_equal"},
    {"_Not_Equal", "_not_equal"},      {"_Greater", "_greater"},
    {"_Greater_Equal", "_greater_equal"}, {"_Lesser", "_lesser"},
    {"_Lesser_Equal", "_lesser_equal"}, {"_Logical_And", "_logical_and"},
    {"_Logical_Or", "_logical_or"},    {"_Logical_Xor", "_logical_xor"},
    {"_PowerScalar", "_power_scalar"}, {"_RPowerScalar", "_rpower_scalar"},
    {"_ModScalar", "_mod_scalar"},     {"_RModScalar", "_rmod_scalar"},
    {"_HypotScalar", "_hypot_scalar"}, {"_EqualScalar", "_equal_scalar"},
    {"_NotEqualScalar", "_not_equal_scalar"},
    {"_GreaterScalar", "_greater_scalar"},
    {"_GreaterEqualScalar", "_greater_equal_scalar"},
    {"_LesserScalar", "_lesser_scalar"},
    {"_LesserEqualScalar", "_lesser_equal_scalar"},
    {"_LogicalAndScalar", "_logical_and_scalar"},
    {"_LogicalOrScalar", "_logical_or_scalar"},
    {"_LogicalXorScalar", "_logical_xor_scalar"},
    {"broadcast_plus", "broadcast_add"}, {"broadcast_minus", "broadcast_sub"},
    {"identity", "_copy"},             {"stop_gradient", "BlockGrad"},
    {"broadcast_axes", "broadcast_axis"}, {"sum_axis", "sum"},
    {"swapaxes", "SwapAxis"},          {"flip", "reverse"},
    {"pad", "Pad"},                    {"crop", "slice"},
    {"max_axis", "max"},               {"min_axis", "min"},
    {"_npx_layer_norm", "LayerNorm"},  {"_npx_rnn", "RNN"},
    {"_npx_multibox_prior", "_contrib_MultiBoxPrior"},
    {"_npx_multibox_detection", "_contrib_MultiBoxDetection"},
    {"_contrib_box_non_maximum_suppression", "_contrib_box_nms"},
    {"_npx_topk", "topk"}, {"_npi_gather_nd", "gather_nd"},
    {"_npx_gather_nd", "gather_nd"}, {"_npi_split", "_split_v2"},
    {"_npx_erfinv", "erfinv"}, {"_npx_gamma", "gamma"},
    {"_npx_gammaln", "gammaln"}, {"_npi_sort", "sort"},
    {"_npi_argsort", "argsort"}, {"_npx_roi_pooling", "ROIPooling"},
  {"_npx_embedding", "Embedding"},
};
} // namespace

ArrayRef<StringLiteral> getHiddenAttrKeys() {
  static const StringLiteral kHiddenKeys[] = {"ctx_group", "lr_mult", "wd_mult",
                                              "force_mirroring", "mirror_stage"};
  return kHiddenKeys;
}

ArrayRef<std::pair<StringLiteral, StringLiteral>> getOpAliases() {
  return kAliases;
}

StringRef resolveOpAlias(StringRef name) {
  for (const auto &[alias, canonical] : kAliases)
    if (alias == name)
      return canonical;
  return name;
}

std::string getOutputName(const OpSchema *schema, StringRef node,
                          unsigned numOutputs, unsigned index) {
  if (schema && index < schema->outputNames.size())
    return (node + "_" + schema->outputNames[index]).str();
  if (numOutputs == 1)
    return (node + "_output").str();
  return (node + "_output" + Twine(index)).str();
}

unsigned getNumVisibleOutputs(const OpSchema &schema, const AttrStrings &attrs) {
  unsigned all = schema.numOutputs(attrs);
  return schema.numVisibleOutputs ? std::min(all, schema.numVisibleOutputs(attrs))
                                  : all;
}

const OpSchema *lookupOpSchema(StringRef canonicalName) {
  for (const OpSchema &schema : kOpSchemas)
    if (schema.name == canonicalName)
      return &schema;
  return nullptr;
}

} // namespace symc
