//===- ExecutorTest.cpp - bind, forward, NDArray files, API errors --------===//
//
// What the golden cases cannot show: compiled code is reused across
// forward() calls with the same input shapes, arrays round-trip through
// .npy and .params files, and misuse fails with a clear MXNetError.
//
//===----------------------------------------------------------------------===//

#include "symc/API/Executor.h"
#include "symc/API/Ops.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <thread>

using namespace symc;

namespace {

std::string tempPath(const std::string &name) {
  return testing::TempDir() + "symc_api_" + name;
}

/// The message of the MXNetError `f` throws ("" if none).
template <typename F>
std::string errorOf(F f) {
  try {
    f();
  } catch (const MXNetError &e) {
    return e.what();
  }
  return "";
}

/// Expects STMT to throw an MXNetError whose message contains TEXT.
#define EXPECT_ERROR(STMT, TEXT)                                               \
  do {                                                                         \
    std::string message = errorOf([&] { STMT; });                              \
    EXPECT_NE(message.find(TEXT), std::string::npos)                           \
        << "message: '" << message << "'";                                     \
  } while (false)

Symbol mlp() {
  Symbol data = var("data");
  Symbol fc = op::FullyConnected({data, {"num_hidden", 3}, {"name", "fc"}});
  return op::relu({fc, {"name", "out"}});
}

TEST(Executor, CompilesOncePerInputShapes) {
  NameManager names;
  Symbol net = mlp();
  Executor exe = net.simple_bind(Context::cpu(), {{"data", {2, 4}}});
  EXPECT_EQ(exe.arg_arrays().size(), 3u);
  exe.copy_params_from({{"fc_weight", NDArray(std::vector<float>(12, 0.5f), {3, 4})},
                        {"fc_bias", NDArray({-1.f, 0.f, 1.f}, {3})}});
  exe.forward(false, {{"data", NDArray(std::vector<float>(8, 1.f), {2, 4})}});
  exe.forward(false, {{"data", NDArray(std::vector<float>(8, 2.f), {2, 4})}});
  EXPECT_EQ(exe.numCompilations(), 1u);
  // relu(2 * 0.5 * 4 + bias) = (3, 4, 5) for each row.
  EXPECT_EQ(exe.outputs()[0].asFloatVector(), std::vector<float>({3, 4, 5, 3, 4, 5}));
  // New input shapes compile once more, and only once.
  exe.forward(false, {{"data", NDArray(std::vector<float>(4, 1.f), {1, 4})}});
  exe.forward(false, {{"data", NDArray(std::vector<float>(4, 1.f), {1, 4})}});
  EXPECT_EQ(exe.numCompilations(), 2u);
  EXPECT_EQ(exe.outputs()[0].shape(), Shape({1, 3}));
  EXPECT_EQ(exe.output_dict().count("out_output"), 1u);
}

/// An array of `shape` holding a deterministic pattern, varied by `seed`.
NDArray pattern(const Shape &shape, float seed) {
  NDArray a(shape);
  for (int64_t i = 0; i < a.size(); ++i)
    a.data_as<float>()[i] = float(std::sin(0.37 * double(i) + seed)) * 0.25f;
  return a;
}

/// The values of sample `n` of a batch `a`.
std::vector<float> sampleOf(const NDArray &a, int64_t n) {
  std::vector<float> all = a.asFloatVector();
  int64_t per = a.size() / a.shape()[0];
  return std::vector<float>(all.begin() + n * per, all.begin() + (n + 1) * per);
}

TEST(Executor, MemoryBoundBatchRunsOneSampleAtATime) {
  // 4 MB activations and 12 FLOPs of convolution per byte of them: the
  // batch runs one sample at a time (SampleSplit.h), each sample equal to
  // a batch of one. The last layer has as many filters as the batch: its
  // weight is still no batched input.
  NameManager names;
  Symbol data = var("data");
  Symbol conv = op::Convolution({data, {"kernel", "(3, 3)"}, {"pad", "(1, 1)"},
                                 {"num_filter", 16}, {"name", "conv"}});
  Symbol bn = op::BatchNorm({conv, {"fix_gamma", false}, {"name", "bn"}});
  Symbol relu = op::Activation({bn, {"act_type", "relu"}, {"name", "relu"}});
  Symbol net = op::Convolution({relu, {"kernel", "(1, 1)"}, {"num_filter", 4}, {"name", "head"}});
  Shape batchShape = {4, 8, 128, 128}, sampleShape = {1, 8, 128, 128};
  Executor batch = net.simple_bind(Context::cpu(), {{"data", batchShape}});
  Executor single = net.simple_bind(Context::cpu(), {{"data", sampleShape}});
  auto setWeights = [&](float seed) {
    std::map<std::string, NDArray> args, aux;
    for (const auto &[name, array] : batch.arg_dict())
      if (name != "data")
        args[name] = pattern(array.shape(), seed + float(name.size()));
    for (const auto &[name, array] : batch.aux_dict())
      aux[name] = name == "bn_moving_var" ? NDArray(std::vector<float>(16, 1.5f), {16})
                                          : pattern(array.shape(), seed);
    batch.copy_params_from(args, aux);
    single.copy_params_from(args, aux);
  };
  NDArray input = pattern(batchShape, 0.5f);
  auto expectSamplesAsAlone = [&] {
    NDArray out = batch.forward(false, {{"data", input}})[0];
    EXPECT_EQ(batch.runsPerForward(), 4);
    for (int64_t n = 0; n < 4; ++n) {
      NDArray one(sampleShape);
      std::vector<float> values = sampleOf(input, n);
      std::copy(values.begin(), values.end(), one.data_as<float>());
      std::vector<float> alone = single.forward(false, {{"data", one}})[0].asFloatVector();
      std::vector<float> split = sampleOf(out, n);
      ASSERT_EQ(split.size(), alone.size());
      for (size_t i = 0; i < alone.size(); ++i)
        ASSERT_NEAR(split[i], alone[i], 1e-5f * (1 + std::fabs(alone[i])))
            << "sample " << n << ", element " << i;
    }
    EXPECT_EQ(single.runsPerForward(), 1);
  };
  setWeights(0);
  expectSamplesAsAlone();
  // New weights between forwards: what depends on them is computed again.
  setWeights(1);
  expectSamplesAsAlone();
}

TEST(Executor, BindPositionalAndBorrowedArrays) {
  NameManager names;
  Symbol a = var("a"), b = var("b");
  Symbol c = a * b + 1;
  float av[] = {1, 2, 3}, bv[] = {4, 5, 6};
  Executor exe = c.bind(Context::cpu(), std::vector<NDArray>{
                                            NDArray::borrow(av, {3}),
                                            NDArray::borrow(bv, {3})});
  EXPECT_EQ(exe.forward()[0].asFloatVector(), std::vector<float>({5, 11, 19}));
  av[0] = 10; // borrowed: the executor sees the caller's memory
  EXPECT_EQ(exe.forward()[0].asFloatVector(), std::vector<float>({41, 11, 19}));
}

TEST(Executor, ConcurrentExecutorsOfOneSymbol) {
  // Executors share the symbol's nodes (read only) and nothing else; each
  // thread compiles and runs its own, and one executor is also driven by
  // two threads at once (its forward calls take turns).
  NameManager names;
  Symbol net = mlp();
  std::map<std::string, NDArray> params = {
      {"fc_weight", NDArray(std::vector<float>(12, 0.25f), {3, 4})},
      {"fc_bias", NDArray({0.f, 1.f, 2.f}, {3})}};
  Executor shared = net.simple_bind(Context::cpu(), {{"data", {2, 4}}});
  shared.copy_params_from(params);
  std::vector<std::vector<float>> results(6);
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&, t] {
      NDArray data(std::vector<float>(8, float(t)), {2, 4});
      if (t < 4) {
        Executor own = net.simple_bind(Context::cpu(), {{"data", {2, 4}}});
        own.copy_params_from(params);
        results[t] = own.forward(false, {{"data", data}})[0].asFloatVector();
      } else {
        for (int i = 0; i < 10; ++i)
          shared.forward(false, {{"data", data}});
      }
    });
  for (std::thread &t : threads)
    t.join();
  for (int t = 0; t < 4; ++t) // relu(4 * 0.25 * t + bias)
    EXPECT_EQ(results[t], std::vector<float>({float(t), t + 1.f, t + 2.f, float(t),
                                              t + 1.f, t + 2.f}));
  EXPECT_EQ(shared.numCompilations(), 1u);
}

TEST(Executor, Errors) {
  NameManager names;
  Symbol net = mlp();
  EXPECT_ERROR(net.eval({{"data", NDArray({1.f, 2.f}, {1, 2})}}), "no value bound for arguments 'fc_weight', 'fc_bias'");
  EXPECT_ERROR(net.bind(Context::cpu(), {{"nope", NDArray({1.f}, {1})}}), "'nope' is not an argument");
  Executor exe = net.simple_bind(Context::cpu(), {{"data", {2, 4}}});
  EXPECT_ERROR(exe.copy_params_from({{"extra", NDArray({1.f}, {1})}}), "Find name \"extra\" that is not in the arguments");
  EXPECT_NO_THROW(exe.copy_params_from({{"extra", NDArray({1.f}, {1})}}, {}, true));
  EXPECT_ERROR(net.simple_bind(Context::cpu(), {}), "Cannot decide shape for the following arguments");
}

TEST(NDArray, NpyAndParamsRoundTrip) {
  NDArray a({1.5f, -2.f, 3.25f, 0.f, 7.f, 8.f}, {2, 3});
  std::string npy = tempPath("a.npy");
  a.save_npy(npy);
  NDArray back = NDArray::load_npy(npy);
  EXPECT_EQ(back.shape(), a.shape());
  EXPECT_EQ(back.dtype(), "float32");
  EXPECT_EQ(back.asFloatVector(), a.asFloatVector());

  std::string params = tempPath("p.params");
  NDArray ints = NDArray::zeros({4}, "int64");
  for (int i = 0; i < 4; ++i)
    ints.data_as<int64_t>()[i] = 10 * i;
  save_params(params, {{"arg:w", a}, {"aux:n", ints}});
  std::map<std::string, NDArray> loaded = load_params(params);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded["arg:w"].asFloatVector(), a.asFloatVector());
  EXPECT_EQ(loaded["aux:n"].dtype(), "int64");
  EXPECT_EQ(loaded["aux:n"].asFloatVector(), std::vector<float>({0, 10, 20, 30}));
  EXPECT_ERROR(load_params(npy), "not an MXNet NDArray list");
  std::remove(npy.c_str());
  std::remove(params.c_str());
}

TEST(NDArray, LoadCheckpoint) {
  // The bundled LeNet: its symbol and weights, as mx.model.load_checkpoint.
  Checkpoint ck = load_checkpoint(SYMC_EXAMPLES "/lenet/lenet", 0);
  EXPECT_EQ(ck.symbol.list_outputs(), std::vector<std::string>({"softmax_output"}));
  EXPECT_EQ(ck.arg_params.count("conv1_weight"), 1u);
  EXPECT_EQ(ck.arg_params.count("arg:conv1_weight"), 0u);
  Executor exe = ck.symbol.simple_bind(Context::cpu(), {{"data", {1, 1, 28, 28}}});
  exe.copy_params_from(ck.arg_params, ck.aux_params);
  NDArray digit = NDArray::load_npy(SYMC_EXAMPLES "/lenet/digit.npy");
  NDArray expected = NDArray::load_npy(SYMC_EXAMPLES "/lenet/expected-output.npy");
  std::vector<float> got = exe.forward(false, {{"data", digit}})[0].asFloatVector();
  std::vector<float> want = expected.asFloatVector();
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got[i], want[i], 1e-5 * std::max(1.f, std::fabs(want[i])));
}

TEST(Symbol, SaveLoadCopyAndScopes) {
  NameManager names;
  Symbol net = mlp();
  std::string path = tempPath("net.json");
  net.save(path);
  Symbol loaded = load(path);
  EXPECT_EQ(loaded.tojson(), net.tojson());
  std::remove(path.c_str());

  // Shared nodes: attributes set on a part show in the whole; a copy is
  // independent.
  Symbol x = var("x");
  Symbol y = x * 2;
  Symbol copy = y.copy();
  x._set_attr({{"__mark__", "1"}});
  EXPECT_EQ(y.attr_dict()["x"]["__mark__"], "1");
  EXPECT_EQ(copy.attr_dict().count("x"), 0u);
  EXPECT_EQ(x.attr("lr_mult"), std::nullopt);
  x._set_attr({{"lr_mult", "2"}});
  EXPECT_EQ(*x.attr("lr_mult"), "2");
  EXPECT_EQ(x.list_attr().at("__lr_mult__"), "2");
}

TEST(Symbol, Errors) {
  NameManager names;
  Symbol x = var("x");
  EXPECT_ERROR(op::invoke("NoSuchOp", {x}), "Operator NoSuchOp is not supported by symc");
  EXPECT_ERROR(op::FullyConnected({x, {"num_hidden", "ten"}}), "Invalid Parameter format for num_hidden expect int but value='ten'");
  EXPECT_ERROR(op::FullyConnected({x, {"num_hidden", 2}, {"wieght", x}}), "Keyword argument name wieght not found");
  EXPECT_ERROR(op::FullyConnected({x, {"weight_lr_mult", 2}}), "setting variable attributes with weight_lr_mult is deprecated");
  EXPECT_ERROR(var("y", {{"color", "red"}}), "Attribute name=color is not supported");
  Symbol g = Group({x, var("z")});
  EXPECT_EQ(g.name(), std::nullopt);
  EXPECT_ERROR(g._set_attr({{"k", "v"}}), "only works for non-grouped symbol");
  EXPECT_ERROR(g["nope"], "Cannot find output that matches name");
  EXPECT_THROW(g[5], std::out_of_range);
  EXPECT_ERROR((x * 2)({x}), "General composition only support kwargs");
  EXPECT_ERROR(x.gradient({"x"}), "not implemented");
  // Numpy-semantics symbols need numpy ops, which symc does not model.
  Symbol npx = x.as_np_ndarray();
  EXPECT_TRUE(npx.isNumpySymbol());
  EXPECT_FALSE(npx.as_nd_ndarray().isNumpySymbol());
  EXPECT_ERROR(npx + 1, "Operator _npi_add_scalar is not supported");
  EXPECT_ERROR(op::relu({npx}), "This is a legacy operator");
}

TEST(Symbol, ScopesEndingOutOfOrder) {
  NameManager base;
  std::optional<Prefix> outer(std::in_place, "outer_");
  std::optional<Prefix> inner(std::in_place, "inner_");
  outer.reset(); // ends first: unlinked, inner stays current
  EXPECT_EQ(*op::relu({var("x")}).name(), "inner_relu0");
  inner.reset();
  EXPECT_EQ(*op::relu({var("x")}).name(), "relu0");
}

TEST(Symbol, DeepGraphsAreReleasedWithoutRecursion) {
  NameManager names;
  Symbol s = var("x");
  for (int i = 0; i < 200000; ++i)
    s = op::relu({s});
  s = Symbol(); // frees 200000 nodes; a recursive release would overflow
  SUCCEED();
}

TEST(Symbol, ReviewedCornerCases) {
  NameManager names;
  Symbol x = var("x");
  // nnvm prints a lone node on one line.
  EXPECT_EQ(x.debug_str(), "Variable:x\n");
  EXPECT_EQ(zeros({2}).debug_str(), "AtomicFunctor  Op:_zeros\n");
  // get_internals keeps the versions of mutated variables.
  Symbol bn = op::BatchNorm({x, {"name", "bn"}});
  EXPECT_NE(bn.get_internals().tojson().find("[4, 0, 1]"), std::string::npos);
  EXPECT_ERROR(x({{"x", var("y")}}), "Variable cannot be composed");
  Symbol y = op::relu({x}) * 2;
  EXPECT_EQ(*y({{"name", nullptr}}).name(), *y.name()); // name=None keeps it
  EXPECT_ERROR(Group({}), "Expected a list of symbols");
  unsigned one = 0;
  EXPECT_EQ(*Group({x, y})[one].name(), "x");
  EXPECT_EQ(Value(1e-5f).str(), "1e-05");
  EXPECT_EQ(Value(0.1f).str(), "0.1");
  EXPECT_EQ(Value("it's").repr(), "\"it's\"");
}

TEST(Executor, ForwardChecksBeforeChanging) {
  NameManager names;
  Symbol net = mlp();
  Executor exe = net.simple_bind(Context::cpu(), {{"data", {2, 4}}});
  EXPECT_ERROR(exe.forward(false, {{"data", NDArray(std::vector<float>(8, 3.f), {2, 4})},
                                   {"nope", NDArray({1.f}, {1})}}),
               "'nope' is not an argument");
  EXPECT_EQ(exe.arg_dict().at("data").asFloatVector(), std::vector<float>(8, 0.f));
  EXPECT_ERROR(exe.forward(false, {{"data", NDArray()}}), "is empty");
  EXPECT_ERROR(exe.forward(true), "inference graphs only");
  // copy_params_from converts into the bound array's dtype.
  NDArray ints = NDArray::zeros({3}, "int32");
  for (int i = 0; i < 3; ++i)
    ints.data_as<int32_t>()[i] = i + 1;
  exe.copy_params_from({{"fc_bias", ints}});
  EXPECT_EQ(exe.arg_dict().at("fc_bias").dtype(), "float32");
  EXPECT_EQ(exe.arg_dict().at("fc_bias").asFloatVector(), std::vector<float>({1, 2, 3}));
  EXPECT_EQ(NDArray().size(), 0);
}

TEST(Symbol, HostileJson) {
  EXPECT_ERROR(fromjson("{not json"), "invalid JSON");
  EXPECT_ERROR(fromjson(R"({"nodes": [], "heads": [[0, 0, 0]]})"), "head: node id 0 is out of range");
  // A cycle: node 0 reads node 1, node 1 reads node 0.
  EXPECT_ERROR(fromjson(R"({"nodes": [
                {"op": "relu", "name": "a", "inputs": [[1, 0, 0]]},
                {"op": "relu", "name": "b", "inputs": [[0, 0, 0]]}],
                "heads": [[1, 0, 0]]})"), "the graph has a cycle");
  EXPECT_ERROR(fromjson(R"({"nodes": [{"op": "null", "name": "x", "inputs": []}],
                           "heads": [[0, 3, 0]]})"), "a head refers to output 3 of node 'x'");
}

} // namespace
