//===- SymbolAPITest.cpp - the C++ mx.sym API against MXNet 1.9.1 ---------===//
//
// Each doc case and graph case here is the C++ twin of the case of the same
// name in generate.py, which recorded MXNet's results in golden.json. A
// graph case compares everything MXNet recorded: tojson text, list_*
// names, debug_str, attr_dict, inference results or error messages, and
// eval outputs (1e-5 relative).
//
//===----------------------------------------------------------------------===//

#include "symc/API/Executor.h"
#include "symc/Execution/CompiledModel.h"
#include "symc/API/Ops.h"
#include "symc/API/Visualization.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>
#include <sys/stat.h>

using json = nlohmann::json;
using namespace symc;

namespace {

const json &golden() {
  static const json data = [] {
    std::ifstream in(SYMC_API_GOLDEN);
    return json::parse(in);
  }();
  return data;
}

/// Compares `actual` with MXNet's `expected`: numbers within 1e-5
/// relative, everything else exactly. Mismatches go to `diffs` by path.
void compare(const json &expected, const json &actual, const std::string &path,
             std::vector<std::string> &diffs) {
  if (expected.is_number() && actual.is_number()) {
    double e = expected.get<double>(), a = actual.get<double>();
    if (std::isnan(e) && std::isnan(a))
      return;
    if (std::fabs(e - a) > 1e-5 * std::max(1.0, std::fabs(e)))
      diffs.push_back(path + ": expected " + expected.dump() + ", got " + actual.dump());
    return;
  }
  if (expected.is_array() && actual.is_array()) {
    if (expected.size() != actual.size()) {
      diffs.push_back(path + ": expected " + std::to_string(expected.size()) +
                      " items, got " + std::to_string(actual.size()) + ": " +
                      actual.dump().substr(0, 300));
      return;
    }
    for (size_t i = 0; i < expected.size(); ++i)
      compare(expected[i], actual[i], path + "[" + std::to_string(i) + "]", diffs);
    return;
  }
  if (expected.is_object() && actual.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!actual.contains(it.key()))
        diffs.push_back(path + "." + it.key() + ": missing");
      else
        compare(it.value(), actual[it.key()], path + "." + it.key(), diffs);
    }
    for (auto it = actual.begin(); it != actual.end(); ++it)
      if (!expected.contains(it.key()))
        diffs.push_back(path + "." + it.key() + ": unexpected " + it.value().dump());
    return;
  }
  if (expected != actual)
    diffs.push_back(path + ":\n  expected " + expected.dump() + "\n  got      " +
                    actual.dump());
}

std::string report(const std::vector<std::string> &diffs) {
  std::string text;
  for (size_t i = 0; i < diffs.size() && i < 12; ++i)
    text += diffs[i] + "\n";
  if (diffs.size() > 12)
    text += "... " + std::to_string(diffs.size() - 12) + " more\n";
  return text;
}

std::string firstLine(const std::string &s) { return s.substr(0, s.find('\n')); }

json toJson(const Shape &s) { return json(s); }

json shapesJson(const std::vector<Shape> &shapes) {
  json out = json::array();
  for (const Shape &s : shapes)
    out.push_back(toJson(s));
  return out;
}

json typesJson(const std::vector<std::optional<std::string>> &types) {
  json out = json::array();
  for (const auto &t : types)
    out.push_back(t ? json(*t) : json(nullptr));
  return out;
}

json arrayJson(const NDArray &a) {
  json data = json::array();
  for (float v : a.asFloatVector())
    data.push_back(v);
  return data;
}

NDArray fromJson(const json &spec) {
  std::vector<float> values;
  for (const json &v : spec["data"])
    values.push_back(v.get<float>());
  return NDArray(values, spec["shape"].get<Shape>());
}

/// The C++ counterpart of generate.py's describe().
json describe(const Symbol &s, const json &spec, const json &expected) {
  json r;
  r["json"] = s.tojson();
  r["json_keep_amp"] = s.tojson(/*remove_amp_cast=*/false);
  r["name"] = s.name() ? json(*s.name()) : json(nullptr);
  r["repr"] = s.repr();
  r["arguments"] = s.list_arguments();
  r["outputs"] = s.list_outputs();
  r["aux"] = s.list_auxiliary_states();
  r["inputs"] = s.list_inputs();
  r["debug_str"] = s.debug_str();
  r["attr_dict"] = s.attr_dict();
  r["list_attr"] = s.list_attr();
  r["internals"] = s.get_internals().list_outputs();
  for (const char *key : {"shapes", "partial"}) {
    if (!spec.contains(key))
      continue;
    std::map<std::string, Shape> kwargs = spec[key].get<std::map<std::string, Shape>>();
    try {
      ShapeInference res = std::string(key) == "shapes" ? s.infer_shape(kwargs)
                                                        : s.infer_shape_partial(kwargs);
      r[key] = res.complete || std::string(key) == "partial"
                   ? json{{"arg", shapesJson(res.arg_shapes)},
                          {"out", shapesJson(res.out_shapes)},
                          {"aux", shapesJson(res.aux_shapes)}}
                   : json{{"complete", false}};
    } catch (const MXNetError &e) {
      r[key] = {{"error", firstLine(e.what())}};
    }
  }
  for (const char *key : {"types", "partial_types"}) {
    if (!spec.contains(key))
      continue;
    auto kwargs = spec[key].get<std::map<std::string, std::string>>();
    try {
      TypeInference res = std::string(key) == "types" ? s.infer_type(kwargs)
                                                      : s.infer_type_partial(kwargs);
      r[key] = res.complete || std::string(key) == "partial_types"
                   ? json{{"arg", typesJson(res.arg_types)},
                          {"out", typesJson(res.out_types)},
                          {"aux", typesJson(res.aux_types)}}
                   : json{{"complete", false}};
    } catch (const MXNetError &e) {
      r[key] = {{"error", firstLine(e.what())}};
    }
  }
  if (spec.value("eval", false)) {
    const json &inputsJson = expected["eval"]["inputs"];
    std::map<std::string, NDArray> inputs;
    for (auto it = inputsJson.begin(); it != inputsJson.end(); ++it)
      inputs[it.key()] = fromJson(it.value());
    json outs = json::array();
    for (const NDArray &o : s.eval(inputs))
      outs.push_back({{"shape", o.shape()}, {"dtype", o.dtype()}, {"data", arrayJson(o)}});
    r["eval"] = {{"inputs", inputsJson}, {"outputs", outs}};
  }
  return r;
}

//===----------------------------------------------------------------------===//
// Graph cases (twins of generate.py's @graph functions)
//===----------------------------------------------------------------------===//

using Builder = std::function<Symbol()>;
std::map<std::string, Builder> &graphs() {
  static std::map<std::string, Builder> registry;
  return registry;
}
struct RegisterGraph {
  RegisterGraph(const char *name, Builder b) { graphs()[name] = std::move(b); }
};
#define GRAPH(NAME)                                                            \
  Symbol graph_##NAME();                                                       \
  RegisterGraph register_##NAME(#NAME, graph_##NAME);                          \
  Symbol graph_##NAME()

Symbol v(const std::string &name, const Args &kwargs = {}) { return var(name, kwargs); }

GRAPH(mlp) {
  Symbol data = v("data");
  Symbol fc1 = op::FullyConnected({data, {"num_hidden", 16}, {"name", "fc1"}});
  Symbol act = op::Activation({fc1, {"act_type", "relu"}});
  Symbol fc2 = op::FullyConnected({act, {"num_hidden", 3}});
  return op::softmax({fc2});
}

GRAPH(auto_names) {
  Symbol x = v("x");
  Symbol a = op::relu({x});
  Symbol b = op::relu({a});
  Symbol c = op::sigmoid({b}) + op::tanh({a});
  return op::exp({c * 0.5});
}

GRAPH(arith_symbols) {
  Symbol a = v("a"), b = v("b");
  return Group({a + b, a - b, a * b, a / (b * b + 1), a % (b + 3)});
}

GRAPH(arith_scalars) {
  Symbol a = v("a");
  return Group({a + 1, a - 2.5, a * 3, a / 4.0, 2 + a, 5 - a, 2 * a,
                1 / (a * a + 1), -a, pow(a, 2), a % 0.75});
}

GRAPH(comparisons) {
  Symbol a = v("a"), b = v("b");
  return Group({a == b, a != b, a < b, a <= b, a > b, a >= b, a == 0.5, a != 1,
                a < 0, a <= 0.25, a > -0.5, a >= 0});
}

GRAPH(conv_pool) {
  Symbol data = v("data");
  Symbol c = op::Convolution({data, {"kernel", {3, 3}}, {"num_filter", 4},
                              {"pad", {1, 1}}, {"name", "conv1"}});
  Symbol p = op::Pooling({c, {"kernel", {2, 2}}, {"stride", {2, 2}}, {"pool_type", "max"}});
  Symbol a = op::Pooling({c, {"kernel", {2, 2}}, {"stride", {2, 2}}, {"pool_type", "avg"}});
  Symbol g = op::Pooling({c, {"global_pool", true}, {"kernel", {1, 1}}, {"pool_type", "avg"}});
  return Group({p, a, g});
}

GRAPH(batchnorm) {
  Symbol bn = op::BatchNorm({v("data"), {"fix_gamma", false}, {"eps", 1e-5}, {"name", "bn1"}});
  return op::Activation({bn, {"act_type", "relu"}});
}

GRAPH(batchnorm_outputs) {
  return op::BatchNorm({v("data"), {"output_mean_var", true}});
}

GRAPH(shared_aux) {
  Symbol data = v("data"), mean = v("mean"), var_ = v("var");
  Symbol b1 = op::BatchNorm({data, {"moving_mean", mean}, {"moving_var", var_}, {"name", "b1"}});
  return op::BatchNorm({b1, {"moving_mean", mean}, {"moving_var", var_}, {"name", "b2"}});
}

GRAPH(variables) {
  Symbol x = v("x", {{"shape", {2, 3}}, {"lr_mult", 2.0}, {"wd_mult", 0.5},
                     {"dtype", "float32"}, {"init", "[\"zero\", {}]"},
                     {"__custom__", "yes"}});
  Symbol w = v("w", {{"attr", Attrs{{"k", "v"}}}, {"lr_mult", 1}});
  return op::FullyConnected({x, {"weight", w}, {"num_hidden", 4}, {"no_bias", true}});
}

GRAPH(hidden_keys) {
  return op::FullyConnected({v("x"), {"num_hidden", 3}, {"lr_mult", 0.1},
                             {"wd_mult", 2}, {"ctx_group", "dev1"},
                             {"attr", Attrs{{"__mood__", "calm"}}}});
}

GRAPH(prefix) {
  Symbol x = v("x");
  Symbol b;
  {
    Prefix prefix("mlp_");
    Symbol a = op::FullyConnected({x, {"num_hidden", 5}});
    b = op::FullyConnected({a, {"num_hidden", 2}, {"name", "out"}});
  }
  return op::relu({b});
}

GRAPH(attr_scope) {
  Symbol y;
  {
    AttrScope outer({{"ctx_group", "stage1"}, {"__group__", "g1"}});
    Symbol x = v("x");
    AttrScope inner({{"__inner__", "yes"}});
    y = op::FullyConnected({x, {"num_hidden", 2}, {"name", "fc"}});
  }
  return op::sigmoid({y});
}

GRAPH(namemanager_scope) {
  Symbol x = v("x");
  Symbol a = op::relu({x});
  Symbol b;
  {
    NameManager fresh;
    b = op::relu({a});
  }
  return op::relu({b});
}

GRAPH(compose_call) {
  Symbol data = v("data");
  Symbol net1 = op::FullyConnected({{"data", data}, {"name", "fc1"}, {"num_hidden", 5}});
  Symbol net2 = op::FullyConnected({{"name", "fc3"}, {"num_hidden", 3}});
  return net2({{"fc3_data", net1}, {"name", "composed"}});
}

GRAPH(compose_positional) {
  Symbol a = v("a"), b = v("b");
  Symbol net = op::sin({a}) * op::cos({b});
  return net({{"a", v("x")}, {"b", v("y")}});
}

GRAPH(getitem) {
  Symbol parts = op::split({v("x"), {"num_outputs", 3}, {"axis", 1}});
  return Group({parts[2], parts["split0_output0"], parts[1] * 2});
}

GRAPH(internals) {
  Symbol fc = op::FullyConnected({v("x"), {"num_hidden", 4}, {"name", "fc"}});
  Symbol out = op::relu({fc, {"name", "act"}});
  return out.get_internals()["fc_output"];
}

GRAPH(children_group) {
  Symbol x = v("x"), y = v("y");
  return *(op::broadcast_add({x, y}) * 3).get_children();
}

GRAPH(concat_stack) {
  Symbol a = v("a"), b = v("b"), c = v("c");
  return Group({op::concat({a, b, c, {"dim", 1}}), op::Concat({a, b, {"dim", 0}}),
                op::stack({a, b, {"axis", 1}})});
}

GRAPH(reshape_family) {
  Symbol x = v("x");
  return Group({x.reshape({{"shape", {6, 4}}}), op::reshape({x, {"shape", {0, -1}}}),
                x.flatten(), x.transpose({{"axes", {2, 0, 1}}}),
                x.expand_dims({{"axis", 1}}), x.swapaxes({{"dim1", 0}, {"dim2", 2}}),
                op::Reshape({x, {"shape", {-3, 4}}})});
}

GRAPH(reductions) {
  Symbol x = v("x");
  return Group({x.sum(), x.sum({{"axis", 1}}),
                x.mean({{"axis", {0, 2}}, {"keepdims", true}}), x.max({{"axis", 0}}),
                x.min({{"axis", -1}}), x.prod({{"axis", 2}}), x.norm(),
                x.argmax({{"axis", 1}}), x.argmin({{"axis", 0}})});
}

GRAPH(unary_math) {
  Symbol x = v("x");
  Symbol y = op::abs({x}) + 0.5;
  return Group({x.abs(), x.sign(), x.ceil(), x.floor(), x.round(), x.rint(),
                x.fix(), x.trunc(), y.sqrt(), y.rsqrt(), y.cbrt(), y.rcbrt(),
                x.exp(), x.expm1(), y.log(), y.log10(), y.log2(), y.log1p(),
                x.square(), y.reciprocal(), x.sigmoid(), x.relu()});
}

GRAPH(trig) {
  Symbol x = v("x");
  Symbol y = x * 0.5;
  return Group({x.sin(), x.cos(), x.tan(), y.arcsin(), y.arccos(), x.arctan(),
                x.sinh(), x.cosh(), x.tanh(), x.arcsinh(),
                (op::abs({x}) + 1.5).arccosh(), y.arctanh(), x.degrees(),
                x.radians()});
}

GRAPH(softmax_family) {
  Symbol x = v("x");
  return Group({x.softmax(), x.softmax({{"axis", 0}}), x.log_softmax(), x.softmin(),
                op::softmax({x, {"temperature", 2.0}})});
}

GRAPH(slicing) {
  Symbol x = v("x");
  return Group({x.slice({{"begin", {1, 0}}, {"end", {3, 4}}}),
                x.slice_axis({{"axis", 1}, {"begin", 1}, {"end", -1}}),
                x.slice_like({zeros({2, 3}), {"axes", {0, 1}}}),
                x.flip({{"axis", 1}}), x.tile({{"reps", {1, 2}}}),
                x.repeat({{"repeats", 2}, {"axis", 0}}),
                x.clip({{"a_min", -0.3}, {"a_max", 0.3}})});
}

GRAPH(pad_nchw) {
  Symbol x = v("x");
  return Group({x.pad({{"mode", "constant"}, {"pad_width", {0, 0, 0, 0, 1, 1, 2, 2}},
                       {"constant_value", 1.5}}),
                op::pad({x, {"mode", "edge"}, {"pad_width", {0, 0, 0, 0, 1, 1, 1, 1}}})});
}

GRAPH(broadcasting) {
  Symbol a = v("a"), b = v("b");
  return Group({op::broadcast_add({a, b}), op::broadcast_mul({a, b}),
                op::broadcast_maximum({a, b}), op::broadcast_greater({a, b}),
                a.broadcast_to({{"shape", {2, 4, 3}}}),
                a.broadcast_axes({{"axis", 1}, {"size", 5}}),
                a.broadcast_like({b, {"lhs_axes", {1}}, {"rhs_axes", {1}}})});
}

GRAPH(dot_products) {
  Symbol a = v("a"), b = v("b"), c = v("c"), d = v("d");
  return Group({op::dot({a, b}),
                op::dot({b, a, {"transpose_a", true}, {"transpose_b", true}}),
                op::batch_dot({c, d})});
}

GRAPH(ordering) {
  Symbol x = v("x");
  return Group({x.sort(), x.sort({{"axis", 0}, {"is_ascend", false}}), x.argsort(),
                x.topk({{"k", 2}}), x.topk({{"k", 2}, {"ret_typ", "value"}})});
}

GRAPH(topk_both) {
  return v("x").topk({{"k", 3}, {"ret_typ", "both"}, {"axis", 1}});
}

GRAPH(indexing) {
  Symbol x = v("x"), i = v("i"), j = v("j");
  return Group({x.take({i}), op::one_hot({i, {"depth", 5}}), x.pick({j, {"axis", 1}})});
}

GRAPH(embedding) {
  return op::Embedding({v("tokens"), {"input_dim", 10}, {"output_dim", 6}, {"name", "embed"}});
}

GRAPH(where_cast) {
  Symbol c = v("c"), a = v("a"), b = v("b");
  return Group({op::where({c > 0, a, b}), a.astype("float16"),
                op::Cast({a, {"dtype", "int32"}})});
}

GRAPH(deconv_upsample) {
  Symbol x = v("x");
  Symbol d = op::Deconvolution({x, {"kernel", {2, 2}}, {"stride", {2, 2}},
                                {"num_filter", 3}, {"name", "deconv"}});
  Symbol u = op::UpSampling({x, {"scale", 2}, {"sample_type", "nearest"}});
  return Group({d, u});
}

GRAPH(upsample_bilinear) {
  return op::UpSampling({v("x"), {"scale", 2}, {"sample_type", "bilinear"}, {"num_filter", 2}});
}

GRAPH(leaky_family) {
  Symbol x = v("x");
  return Group({op::LeakyReLU({x, {"act_type", "leaky"}, {"slope", 0.1}}),
                op::LeakyReLU({x, {"act_type", "elu"}}),
                op::LeakyReLU({x, {"act_type", "prelu"}, {"name", "prelu"}})});
}

GRAPH(norms) {
  Symbol x = v("x");
  return Group({op::LayerNorm({x, {"axis", -1}, {"name", "ln"}}),
                op::InstanceNorm({x, {"name", "inorm"}}),
                op::L2Normalization({x, {"mode", "instance"}}),
                op::LRN({op::reshape({x, {"shape", {2, 4, 3, 1}}}), {"nsize", 3}})});
}

GRAPH(dropout_blockgrad) {
  Symbol x = v("x");
  Symbol d = op::Dropout({x, {"p", 0.5}});
  return Group({d, op::BlockGrad({x}), op::identity({x}), op::stop_gradient({d})});
}

GRAPH(softmax_output) {
  Symbol fc = op::FullyConnected({v("data"), {"num_hidden", 3}, {"name", "fc"}});
  return op::SoftmaxOutput({fc, {"name", "softmax"}});
}

GRAPH(regression_outputs) {
  Symbol data = v("data");
  return Group({op::LinearRegressionOutput({data, {"name", "lin"}}),
                op::LogisticRegressionOutput({data, {"name", "logit"}}),
                op::MAERegressionOutput({data, {"name", "mae"}})});
}

GRAPH(rnn_lstm) {
  return op::RNN({v("data"), {"state_size", 4}, {"num_layers", 1}, {"mode", "lstm"},
                  {"state_outputs", true}, {"name", "lstm"}});
}

GRAPH(sequence_ops) {
  Symbol x = v("x"), len = v("len");
  return Group({op::SequenceMask({x, len, {"use_sequence_length", true}, {"value", -1.0}}),
                op::SequenceLast({x}), op::SequenceReverse({x})});
}

GRAPH(creation_ops) {
  Symbol z = zeros({2, 2});
  Symbol o = ones({2, 2});
  Symbol f = full({2, 2}, 3.5);
  return Group({z + o * f, arange(0, {{"stop", 4}}).reshape({{"shape", {2, 2}}}),
                eye(2), linspace(-1, 1, 4).reshape({{"shape", {2, 2}}})});
}

GRAPH(scalar_functions) {
  Symbol x = v("x"), y = v("y");
  return Group({maximum(x, y), maximum(x, 0.2), maximum(0.1, x), minimum(x, y),
                minimum(-0.2, x), hypot(x, y), hypot(x, 2),
                pow(op::abs({x}) + 1, y), pow(op::abs({x}), 3), pow(2, x),
                power(op::abs({y}), 0.5)});
}

GRAPH(amp_cast_removed) {
  Symbol c = op::amp_cast({v("x"), {"dtype", "float16"}});
  return op::relu({op::amp_cast({c, {"dtype", "float32"}})});
}

GRAPH(depth_space) {
  Symbol x = v("x");
  return Group({x.depth_to_space({{"block_size", 2}}), x.space_to_depth({{"block_size", 1}}),
                x.depth_to_space({{"block_size", 2}}).space_to_depth({{"block_size", 2}})});
}

GRAPH(like_ops) {
  Symbol x = v("x"), y = v("y");
  return Group({x.zeros_like(), x.ones_like(), x.reshape_like({y}),
                op::shape_array({x}), op::size_array({x})});
}

GRAPH(diag_nansum) {
  Symbol x = v("x");
  return Group({x.diag(), x.diag({{"k", 1}}), x.nansum({{"axis", 0}}),
                x.nanprod({{"axis", 1}}), x.argmax_channel()});
}

GRAPH(crop_roi) {
  Symbol x = v("x"), r = v("r");
  return Group({op::Crop({x, {"h_w", {3, 3}}, {"offset", {1, 1}}, {"num_args", 1}}),
                op::ROIPooling({x, r, {"pooled_size", {2, 2}}, {"spatial_scale", 1.0}})});
}

GRAPH(grouped_conv) {
  Symbol c = op::Convolution({v("x"), {"kernel", {3, 3}}, {"num_filter", 4},
                              {"num_group", 2}, {"no_bias", true}, {"stride", {2, 2}},
                              {"name", "gconv"}});
  return op::Convolution({c, {"kernel", {1, 1}}, {"num_filter", 2}, {"dilate", {1, 1}}});
}

GRAPH(fc_no_flatten) {
  return op::FullyConnected({v("x"), {"num_hidden", 5}, {"flatten", false}, {"no_bias", true}});
}

GRAPH(reused_subgraph) {
  Symbol x = v("x");
  Symbol h = op::tanh({x});
  return Group({h * h, h + x, Group({h, x})[0]});
}

GRAPH(multibox) {
  return op::contrib::MultiBoxPrior({v("data"), {"sizes", {0.5, 0.25}}, {"ratios", {1, 2}},
                                     {"clip", true}});
}

GRAPH(partial_unknown_rank) {
  return op::broadcast_add(
      {op::FullyConnected({v("x"), {"num_hidden", 10}, {"name", "fc1"}}), v("z")});
}
GRAPH(partial_fc) { return graph_partial_unknown_rank(); }
GRAPH(partial_incomplete_infer_shape) { return graph_partial_unknown_rank(); }

GRAPH(partial_conv_dim) {
  return op::Convolution({v("x"), {"kernel", {3, 3}}, {"num_filter", 4}});
}

GRAPH(partial_backward) {
  return op::elemwise_add({op::relu({v("x")}), v("y")});
}

GRAPH(partial_concat) { return op::concat({v("a"), v("b"), {"dim", 1}}); }

GRAPH(partial_bn) { return op::BatchNorm({v("data"), {"name", "bn"}}); }

GRAPH(partial_reshape) { return op::reshape({v("x"), {"shape", {-1, 3, 4}}}); }

GRAPH(partial_dot) { return op::dot({v("a"), v("b")}); }

GRAPH(partial_types) {
  return op::FullyConnected({v("x"), {"num_hidden", 2}}) + v("z");
}

GRAPH(partial_types_some) { return op::relu({v("x")}) + v("z"); }

GRAPH(error_fc_weight) {
  Symbol out = op::FullyConnected({{"data", v("data")}, {"name", "fc1"}, {"num_hidden", 1000}});
  out = op::Activation({{"data", out}, {"act_type", "relu"}});
  return op::FullyConnected({{"data", out}, {"name", "fc2"}, {"num_hidden", 10}});
}

GRAPH(error_elemwise) { return op::elemwise_add({v("a"), v("b"), {"name", "add"}}); }
GRAPH(error_broadcast) { return op::broadcast_add({v("a"), v("b"), {"name", "badd"}}); }
GRAPH(error_concat) { return op::concat({v("a"), v("b"), {"dim", 1}, {"name", "cat"}}); }
GRAPH(error_dot) { return op::dot({v("a"), v("b"), {"name", "mm"}}); }
GRAPH(error_conv_channels) {
  return op::Convolution({v("x"), {"kernel", {3, 3}}, {"num_filter", 4}, {"name", "c"}});
}
GRAPH(error_reshape) { return op::reshape({v("x"), {"shape", {3, 4}}, {"name", "r"}}); }
GRAPH(error_bn_gamma) { return op::BatchNorm({v("x"), {"name", "bn"}}); }
GRAPH(error_batch_dot) { return op::batch_dot({v("a"), v("b"), {"name", "bd"}}); }
GRAPH(error_where) { return op::where({v("c"), v("a"), v("b"), {"name", "w"}}); }
GRAPH(error_split) { return op::split({v("x"), {"num_outputs", 2}, {"axis", 1}, {"name", "s"}}); }
GRAPH(error_conv_rank) {
  return op::Convolution({v("x"), {"kernel", {3, 3}}, {"num_filter", 4}, {"no_bias", true},
                          {"name", "c1"}});
}
GRAPH(error_fc_bias) { return op::FullyConnected({v("x"), {"num_hidden", 4}, {"name", "fc"}}); }
GRAPH(error_types_fc) { return graph_error_fc_bias(); }
GRAPH(error_type) { return op::elemwise_add({v("a"), v("b"), {"name", "mixed"}}); }

// optimize_for('default') with MXNet's op_names (twins of generate.py's
// `partitioned`): _CachedOp nodes, cycle exclusion, dedup_subgraph, aux.
GRAPH(optimize_for_default) {
  Symbol fc1 = op::FullyConnected({v("data"), {"num_hidden", 16}, {"name", "fc1"}});
  Symbol act = op::Activation({fc1, {"act_type", "relu"}, {"name", "relu1"}});
  Symbol fc2 = op::FullyConnected({act, {"num_hidden", 3}, {"name", "fc2"}});
  Symbol out = Group({op::softmax({fc2, {"name", "sm"}}), act, op::exp({act, {"name", "e"}})});
  return out.optimize_for("default", {}, {},
                          {{"op_names", "['FullyConnected', 'Activation']"}});
}

GRAPH(optimize_for_cycle) {
  Symbol a = op::exp({v("x"), {"name", "a"}});
  Symbol r = op::Activation({a, {"act_type", "relu"}, {"name", "r"}});
  Symbol s = op::sin({a, {"name", "s"}});
  Symbol d = op::elemwise_add({r, s, {"name", "d"}});
  return op::cos({d, {"name", "c"}})
      .optimize_for("default", {}, {}, {{"op_names", "exp,sin,elemwise_add,cos"}});
}

GRAPH(optimize_for_dedup) {
  Symbol x = v("x"), y = v("y");
  Symbol m = op::elemwise_mul({x, x, {"name", "sq"}});
  Symbol a = op::elemwise_add({m, y, {"name", "a"}});
  Symbol out = Group({a, op::elemwise_sub({a, x, {"name", "b"}}), op::tanh({a, {"name", "t"}})});
  return out.optimize_for("default", {}, {},
                          {{"op_names", "elemwise_mul,elemwise_add,elemwise_sub"},
                           {"dedup_subgraph", true}});
}

GRAPH(optimize_for_batchnorm) {
  Symbol c = op::Convolution({v("data"), {"kernel", {3, 3}}, {"num_filter", 4}, {"name", "conv"}});
  Symbol bn = op::BatchNorm({c, {"fix_gamma", false}, {"name", "bn"}});
  Symbol r = op::Activation({bn, {"act_type", "relu"}, {"name", "relu"}});
  return op::Pooling({r, {"kernel", {2, 2}}, {"pool_type", "max"}, {"name", "pool"}})
      .optimize_for("default", {}, {}, {{"op_names", "Convolution,BatchNorm,Activation"}});
}

class GraphCase : public testing::TestWithParam<std::string> {};

TEST_P(GraphCase, MatchesMXNet) {
  const json &c = golden()["graphs"][GetParam()];
  auto builder = graphs().find(GetParam());
  ASSERT_NE(builder, graphs().end()) << "no C++ twin for graph case " << GetParam();
  NameManager fresh;
  Symbol s;
  ASSERT_NO_THROW(s = builder->second()) << GetParam();
  json actual;
  try {
    actual = describe(s, c["spec"], c["expected"]);
  } catch (const MXNetError &e) {
    FAIL() << "MXNetError: " << e.what();
  }
  std::vector<std::string> diffs;
  compare(c["expected"], actual, GetParam(), diffs);
  EXPECT_TRUE(diffs.empty()) << report(diffs);
}

std::vector<std::string> graphNames() {
  std::vector<std::string> names;
  for (auto it = golden()["graphs"].begin(); it != golden()["graphs"].end(); ++it)
    names.push_back(it.key());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Golden, GraphCase, testing::ValuesIn(graphNames()),
                         [](const auto &info) { return info.param; });

//===----------------------------------------------------------------------===//
// optimize_for beyond MXNet's backends
//===----------------------------------------------------------------------===//

/// A small net with an op symc does not compile in the middle would stop
/// the symc backend; this one is all compiled ops, with Pooling excluded
/// so that it splits into two subgraphs around it.
Symbol convNet() {
  Symbol c = op::Convolution({v("data"), {"kernel", {3, 3}}, {"num_filter", 4}, {"name", "conv"}});
  Symbol r = op::Activation({c, {"act_type", "relu"}, {"name", "relu"}});
  Symbol p = op::Pooling({r, {"kernel", {2, 2}}, {"pool_type", "max"}, {"name", "pool"}});
  Symbol f = op::FullyConnected({p, {"num_hidden", 5}, {"name", "fc"}});
  return op::softmax({f, {"name", "sm"}});
}

std::map<std::string, NDArray> seededArgs(const Symbol &s, const Shape &dataShape) {
  auto shapes = s.infer_shape({{"data", dataShape}});
  std::map<std::string, NDArray> args;
  std::vector<std::string> names = s.list_arguments();
  for (size_t i = 0; i < names.size(); ++i) {
    std::vector<float> values;
    int64_t n = 1;
    for (int64_t d : shapes.arg_shapes[i])
      n *= d;
    for (int64_t k = 0; k < n; ++k)
      values.push_back(std::sin(0.37f * float(k + 11 * i)));
    args[names[i]] = NDArray(values, shapes.arg_shapes[i]);
  }
  return args;
}

TEST(OptimizeFor, SymcBackendKeepsTheOutputs) {
  Symbol net = convNet();
  auto args = seededArgs(net, {2, 3, 8, 8});
  Symbol whole = net.optimize_for("symc", args);
  Symbol split = net.optimize_for("symc", {}, {}, {{"exclude_ops", "Pooling"}});
  auto countSubgraphs = [](const Symbol &s) {
    size_t n = 0;
    for (const std::string &name : s.get_internals().list_outputs())
      n += name.rfind("_symc_subgraph", 0) == 0;
    return n;
  };
  EXPECT_EQ(countSubgraphs(whole), 1u);
  EXPECT_EQ(countSubgraphs(split), 2u);
  EXPECT_EQ(split.list_arguments(), net.list_arguments());
  std::vector<float> expected = net.eval(args)[0].asFloatVector();
  for (const Symbol &partitioned : {whole, split}) {
    std::vector<float> got = partitioned.eval(args)[0].asFloatVector();
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i)
      EXPECT_NEAR(got[i], expected[i], 1e-6) << i;
  }
}

/// Executors compile parallel code when the OpenMP runtime has several
/// threads ($OMP_NUM_THREADS, else one per core) and serial code with one;
/// both give the same numbers (threads share only parallel dimensions, so
/// no sum changes order). The shapes exceed symc-cpu-parallelize's
/// threshold.
TEST(Threads, SerialAndParallelCodeAgree) {
  Symbol net = convNet();
  auto args = seededArgs(net, {2, 3, 130, 130});
  CompiledModel::setThreads(1);
  std::vector<float> serial = net.eval(args)[0].asFloatVector();
  CompiledModel::setThreads(2);
  std::vector<float> parallel = net.eval(args)[0].asFloatVector();
  CompiledModel::setThreads(0);
  EXPECT_EQ(parallel, serial);
}

TEST(OptimizeFor, GetBackendSymbolIsOptimizeForWithoutOptions) {
  Symbol net = convNet();
  EXPECT_EQ(net.get_backend_symbol("symc").tojson(), net.optimize_for("symc").tojson());
}

TEST(OptimizeFor, ErrorsNameTheProblem) {
  Symbol net = convNet();
  auto message = [&](const std::function<void()> &call) {
    try {
      call();
    } catch (const MXNetError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message([&] { net.optimize_for("TensorRT"); })
                .find("'TensorRT' is not a registered subgraph backend"),
            std::string::npos);
  EXPECT_NE(message([&] { net.optimize_for("default"); })
                .find("backend 'default' needs the option op_names"),
            std::string::npos);
  EXPECT_NE(message([&] { net.optimize_for("symc", {}, {}, {{"min_subgraph_size", "two"}}); })
                .find("min_subgraph_size must be a non-negative integer"),
            std::string::npos);
  // With arrays, inference runs first: a wrong weight shape is MXNet's error.
  std::map<std::string, NDArray> bad = {{"data", NDArray(Shape{2, 3, 8, 8})},
                                        {"conv_weight", NDArray(Shape{4, 2, 3, 3})}};
  EXPECT_NE(message([&] { net.optimize_for("symc", bad); }).find("Error in operator conv"),
            std::string::npos);
  EXPECT_EQ(message([&] { net.optimize_for("symc", bad, {}, {}, {}, {}, /*skip_infer=*/true); }),
            "no error");
}

TEST(GraphCases, EveryTwinHasGoldenData) {
  for (const auto &[name, builder] : graphs())
    EXPECT_TRUE(golden()["graphs"].contains(name)) << name << " has no golden data";
  EXPECT_GE(golden()["graphs"].size(), 50u);
}

//===----------------------------------------------------------------------===//
// Doc cases: the docstring examples of mxnet.symbol (twins of @doc)
//===----------------------------------------------------------------------===//

using DocCase = std::function<json()>;
std::map<std::string, DocCase> &docs() {
  static std::map<std::string, DocCase> registry;
  return registry;
}
struct RegisterDoc {
  RegisterDoc(const char *name, DocCase d) { docs()[name] = std::move(d); }
};
#define DOC(NAME)                                                              \
  json doc_##NAME();                                                           \
  RegisterDoc registerDoc_##NAME(#NAME, doc_##NAME);                           \
  json doc_##NAME()

json evalFirst(const Symbol &s, const std::map<std::string, NDArray> &inputs = {}) {
  return arrayJson(s.eval(inputs)[0]);
}

DOC(getitem) {
  Symbol a = var("a");
  return {{"a.__getitem__(0)", a[0].repr()}, {"a[0]", a[0].repr()}};
}

DOC(attr) {
  Symbol data = Variable("data", {{"attr", Attrs{{"mood", "angry"}}}});
  return {{"data.attr('mood')", *data.attr("mood")}};
}

DOC(list_attr) {
  Symbol data = Variable("data", {{"attr", Attrs{{"mood", "angry"}}}});
  return {{"data.list_attr()", data.list_attr()}};
}

DOC(attr_dict) {
  Symbol a = Variable("a", {{"attr", Attrs{{"a1", "a2"}}}});
  Symbol b = Variable("b", {{"attr", Attrs{{"b1", "b2"}}}});
  Symbol c = a + b;
  return {{"c.attr_dict()", c.attr_dict()}};
}

DOC(get_internals) {
  Symbol a = var("a"), b = var("b");
  Symbol c = a + b;
  Symbol d = c.get_internals();
  return {{"d", d.repr()}, {"d.list_outputs()", d.list_outputs()}};
}

DOC(get_children) {
  Symbol x = Variable("x"), y = Variable("y"), z = Variable("z");
  Symbol a = y + z;
  Symbol b = x + a;
  return {{"b.get_children()", b.get_children()->repr()},
          {"b.get_children().list_outputs()", b.get_children()->list_outputs()},
          {"b.get_children().get_children().list_outputs()",
           b.get_children()->get_children()->list_outputs()},
          {"x.get_children()", x.get_children() ? json("?") : json("None")}};
}

DOC(list_arguments) {
  Symbol a = var("a"), b = var("b");
  return {{"c.list_arguments()", (a + b).list_arguments()}};
}

DOC(list_outputs) {
  Symbol a = var("a"), b = var("b");
  return {{"c.list_outputs()", (a + b).list_outputs()}};
}

DOC(list_auxiliary_states) {
  Symbol a = var("a"), b = var("b");
  Symbol c = a + b;
  Symbol data = Variable("data");
  Symbol weight = Variable("fc1_weight");
  Symbol fc1 = op::FullyConnected(
      {{"data", data}, {"weight", weight}, {"name", "fc1"}, {"num_hidden", 128}});
  Symbol fc2 = op::BatchNorm({fc1, {"name", "batchnorm0"}});
  return {{"c.list_auxiliary_states()", c.list_auxiliary_states()},
          {"fc2.list_auxiliary_states()", fc2.list_auxiliary_states()}};
}

DOC(list_inputs) {
  Symbol bn = op::BatchNorm({{"name", "bn"}});
  return {{"bn.list_arguments()", bn.list_arguments()},
          {"bn.list_auxiliary_states()", bn.list_auxiliary_states()},
          {"bn.list_inputs()", bn.list_inputs()}};
}

DOC(infer_type) {
  Symbol c = var("a") + var("b");
  TypeInference t = c.infer_type(std::map<std::string, std::string>{{"a", "float32"}});
  return {{"arg_types", typesJson(t.arg_types)},
          {"out_types", typesJson(t.out_types)},
          {"aux_types", typesJson(t.aux_types)}};
}

DOC(infer_shape) {
  Symbol c = var("a") + var("b");
  ShapeInference s = c.infer_shape(std::map<std::string, Shape>{{"a", {3, 3}}});
  json res = {{"arg_shapes", shapesJson(s.arg_shapes)},
              {"out_shapes", shapesJson(s.out_shapes)},
              {"aux_shapes", shapesJson(s.aux_shapes)}};
  ShapeInference unknown = c.infer_shape(std::map<std::string, Shape>{{"a", {0, 3}}});
  res["c.infer_shape(a=(0,3))"] = unknown.complete ? "?" : "(None, None, None)";
  Symbol data = Variable("data");
  Symbol out = op::FullyConnected({{"data", data}, {"name", "fc1"}, {"num_hidden", 1000}});
  out = op::Activation({{"data", out}, {"act_type", "relu"}});
  out = op::FullyConnected({{"data", out}, {"name", "fc2"}, {"num_hidden", 10}});
  try {
    out.infer_shape(std::map<std::string, Shape>{{"data", {100, 100}},
                                                 {"fc1_weight", {1, 100}}});
    res["error"] = nullptr;
  } catch (const MXNetError &e) {
    res["error"] = firstLine(e.what());
  }
  return res;
}

DOC(eval) {
  Symbol c = Variable("a") + Variable("b");
  std::vector<NDArray> ex = c.eval({{"a", NDArray(std::vector<float>(6, 1.f), {2, 3})},
                                    {"b", NDArray(std::vector<float>(6, 1.f), {2, 3})}},
                                   Context::cpu());
  return {{"len(ex)", ex.size()}, {"ex[0].shape", ex[0].shape()}, {"ex[0]", arrayJson(ex[0])}};
}

DOC(tojson) {
  Symbol c = Variable("a") + Variable("b");
  return {{"c.tojson()", c.tojson()}};
}

DOC(var) {
  Symbol data = Variable("data", {{"attr", Attrs{{"a", "b"}}}});
  Symbol csr = Variable("csr_data", {{"stype", "csr"}});
  Symbol rsp = Variable("weight", {{"stype", "row_sparse"}});
  return {{"data", data.repr()}, {"csr_data", csr.repr()}, {"row_sparse_weight", rsp.repr()},
          {"csr_data.list_attr()", csr.list_attr()}, {"data.list_attr()", data.list_attr()}};
}

DOC(Group) {
  Symbol g = Group({Variable("a"), Variable("b")});
  return {{"group", g.repr()}, {"list_outputs", g.list_outputs()}};
}

DOC(zeros) {
  Symbol z = zeros({2, 3});
  return {{"json", z.tojson()}, {"eval", evalFirst(z)}};
}

DOC(ones) {
  Symbol z = ones({2, 2}, {{"dtype", "float32"}});
  return {{"json", z.tojson()}, {"eval", evalFirst(z)}};
}

DOC(full) {
  Symbol z = full({2, 3}, 7);
  return {{"json", z.tojson()}, {"eval", evalFirst(z)}};
}

DOC(arange) {
  Symbol z = arange(2, {{"stop", 8}, {"step", 2}});
  Symbol y = arange(0.5, {{"stop", 2.5}, {"step", 0.5}, {"repeat", 2}});
  return {{"json", z.tojson()}, {"eval", evalFirst(z)}, {"eval2", evalFirst(y)}};
}

DOC(linspace) {
  Symbol z = linspace(0, 1, 5);
  Symbol y = linspace(0, 1, 4, {{"endpoint", false}});
  return {{"json", z.tojson()}, {"eval", evalFirst(z)}, {"eval2", evalFirst(y)}};
}

DOC(eye) {
  Symbol z = eye(3, {{"M", 4}, {"k", 1}});
  return {{"json", z.tojson()}, {"eval", evalFirst(z)}};
}

DOC(histogram) {
  Symbol a = var("a");
  Symbol h = histogram(a, {{"bins", 5}, {"range", {0.0, 5.0}}});
  Symbol h2 = histogram(a, {{"bins", var("e")}});
  NDArray x({0, 0.5, 1, 1.5, 2, 4.99, 5, 5.5, -1, 3}, {10});
  json eval = json::array(), eval2 = json::array();
  for (const NDArray &o : h.eval({{"a", x}}))
    eval.push_back(arrayJson(o));
  for (const NDArray &o : h2.eval({{"a", x}, {"e", NDArray({0, 1, 2.5, 5}, {4})}}))
    eval2.push_back(arrayJson(o));
  return {{"json", h.tojson()}, {"json2", h2.tojson()}, {"list_outputs", h.list_outputs()},
          {"eval", eval}, {"eval2", eval2}};
}

NDArray iota(Shape shape) {
  NDArray a(shape);
  for (int64_t i = 0; i < a.size(); ++i)
    a.data_as<float>()[i] = float(i);
  return a;
}

DOC(split_v2) {
  Symbol x = var("x");
  Symbol s = split_v2(x, {{"sections", 3}, {"axis", 1}});
  Symbol t = split_v2(x, {{"indices", {1, 3}}, {"axis", 0}});
  json out = json::array(), out2 = json::array();
  for (const NDArray &o : s.eval({{"x", iota({2, 6})}}))
    out.push_back(arrayJson(o));
  for (const NDArray &o : t.eval({{"x", iota({5, 4})}}))
    out2.push_back(arrayJson(o));
  return {{"json", s.tojson()}, {"json2", t.tojson()}, {"eval", out}, {"eval2", out2}};
}

DOC(hypot) {
  Symbol x = Variable("x"), y = Variable("y");
  Symbol z = hypot(x, 4);
  Symbol z2 = hypot(x, y);
  return {{"hypot(3, 4)", symc::hypot(3, 4)},
          {"scalar", evalFirst(z, {{"x", NDArray({3, 5, 2}, {3})}})},
          {"symbols", evalFirst(z2, {{"x", NDArray({3, 4}, {2})}, {"y", NDArray({10, 2}, {2})}})},
          {"names", {*z.name(), *z2.name()}}};
}

DOC(maximum) {
  Symbol x = Variable("x"), y = Variable("y");
  Symbol z = maximum(x, 4);
  Symbol z2 = maximum(x, y);
  return {{"maximum(2, 3.5)", symc::maximum(2, 3.5)},
          {"scalar", evalFirst(z, {{"x", NDArray({3, 5, 2, 10}, {4})}})},
          {"symbols", evalFirst(z2, {{"x", NDArray({3, 4}, {2})}, {"y", NDArray({10, 2}, {2})}})},
          {"names", {*z.name(), *z2.name()}}};
}

DOC(minimum) {
  Symbol x = Variable("x"), y = Variable("y");
  Symbol z = minimum(x, 4);
  Symbol z2 = minimum(x, y);
  return {{"minimum(2, 3.5)", symc::minimum(2, 3.5)},
          {"scalar", evalFirst(z, {{"x", NDArray({3, 5, 2, 10}, {4})}})},
          {"symbols", evalFirst(z2, {{"x", NDArray({3, 4}, {2})}, {"y", NDArray({10, 2}, {2})}})},
          {"names", {*z.name(), *z2.name()}}};
}

DOC(pow) {
  Symbol x = Variable("x"), y = Variable("y");
  Symbol z = pow(x, 2);
  Symbol z2 = pow(3, y);
  Symbol z3 = pow(x, y);
  return {{"pow(2, 3)", symc::pow(2, 3)},
          {"x^2", evalFirst(z, {{"x", NDArray({1, 2}, {2})}})},
          {"3^y", evalFirst(z2, {{"y", NDArray({2, 3}, {2})}})},
          {"x^y", evalFirst(z3, {{"x", NDArray({3, 4}, {2})}, {"y", NDArray({2, 3}, {2})}})},
          {"names", {*z.name(), *z2.name(), *z3.name()}}};
}

class DocCaseTest : public testing::TestWithParam<std::string> {};

TEST_P(DocCaseTest, MatchesMXNet) {
  auto it = docs().find(GetParam());
  ASSERT_NE(it, docs().end()) << "no C++ twin for doc case " << GetParam();
  NameManager fresh;
  json actual;
  try {
    actual = it->second();
  } catch (const MXNetError &e) {
    FAIL() << "MXNetError: " << e.what();
  }
  if (actual.contains("skip"))
    GTEST_SKIP() << actual["skip"].get<std::string>();
  std::vector<std::string> diffs;
  compare(golden()["doc"][GetParam()], actual, GetParam(), diffs);
  EXPECT_TRUE(diffs.empty()) << report(diffs);
}

std::vector<std::string> docNames() {
  std::vector<std::string> names;
  for (auto it = golden()["doc"].begin(); it != golden()["doc"].end(); ++it)
    names.push_back(it.key());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Golden, DocCaseTest, testing::ValuesIn(docNames()),
                         [](const auto &info) { return info.param; });

//===----------------------------------------------------------------------===//
// print_summary of the models of ../shared/models
//===----------------------------------------------------------------------===//

class SummaryCase : public testing::TestWithParam<std::string> {};

TEST_P(SummaryCase, MatchesMXNet) {
  const json &c = golden()["summaries"][GetParam()];
  if (c.contains("mxnet_error"))
    GTEST_SKIP() << "MXNet cannot summarise it either: " << c["mxnet_error"];
  std::string path = std::string(SYMC_SHARED_MODELS) + "/" + GetParam() + "/" +
                     c["file"].get<std::string>();
  struct stat st;
  if (stat(path.c_str(), &st) != 0)
    GTEST_SKIP() << path << " is absent";
  std::ostringstream os;
  try {
    viz::print_summary(load(path), c["shape"].get<std::map<std::string, Shape>>(), os);
  } catch (const MXNetError &e) {
    FAIL() << "MXNetError: " << e.what();
  }
  EXPECT_EQ(os.str(), c["summary"].get<std::string>());
}

std::vector<std::string> summaryNames() {
  std::vector<std::string> names;
  for (auto it = golden()["summaries"].begin(); it != golden()["summaries"].end(); ++it)
    names.push_back(it.key());
  return names;
}

std::string testName(const std::string &s) {
  std::string name;
  for (char c : s)
    name += std::isalnum((unsigned char)c) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Golden, SummaryCase, testing::ValuesIn(summaryNames()),
                         [](const auto &info) { return testName(info.param); });

} // namespace
