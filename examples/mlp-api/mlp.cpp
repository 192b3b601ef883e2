//===- mlp.cpp - build, infer, evaluate an MLP with symc's mx.sym API -----===//
//
// The C++ counterpart of
//
//   data = mx.sym.var('data')
//   fc1  = mx.sym.FullyConnected(data, num_hidden=64, name='fc1')
//   act  = mx.sym.Activation(fc1, act_type='relu', name='relu1')
//   fc2  = mx.sym.FullyConnected(act, num_hidden=10, name='fc2')
//   mlp  = mx.sym.softmax(fc2, name='prob')
//   arg_shapes, out_shapes, _ = mlp.infer_shape(data=(2, 784))
//   exe = mlp.simple_bind(mx.cpu(), data=(2, 784)); exe.forward(...)
//
// Run: build/bin/mlp-api-example
//
//===----------------------------------------------------------------------===//

#include "symc/API/Executor.h"
#include "symc/API/Ops.h"
#include "symc/API/Visualization.h"

#include <cmath>
#include <cstdio>

using namespace symc;

/// Deterministic weights: a small sine pattern scaled by 1/sqrt(fan_in).
static NDArray weights(const Shape &shape) {
  NDArray a(shape);
  int64_t fanIn = shape.size() > 1 ? a.size() / shape[0] : 1;
  for (int64_t i = 0; i < a.size(); ++i)
    a.data_as<float>()[i] = float(std::sin(0.37 * i) / std::sqrt(double(fanIn)));
  return a;
}

int main() {
  try {
    Symbol data = var("data");
    Symbol fc1 = op::FullyConnected({data, {"num_hidden", 64}, {"name", "fc1"}});
    Symbol act = op::Activation({fc1, {"act_type", "relu"}, {"name", "relu1"}});
    Symbol fc2 = op::FullyConnected({act, {"num_hidden", 10}, {"name", "fc2"}});
    Symbol mlp = op::softmax({fc2, {"name", "prob"}});

    // Shape inference, as mlp.infer_shape(data=(2, 784)).
    ShapeInference shapes = mlp.infer_shape({{"data", {2, 784}}});
    std::vector<std::string> args = mlp.list_arguments();
    for (size_t i = 0; i < args.size(); ++i) {
      std::printf("%-12s (", args[i].c_str());
      for (size_t d = 0; d < shapes.arg_shapes[i].size(); ++d)
        std::printf("%s%lld", d ? ", " : "", (long long)shapes.arg_shapes[i][d]);
      std::printf(shapes.arg_shapes[i].size() == 1 ? ",)\n" : ")\n");
    }
    viz::print_summary(mlp, std::map<std::string, Shape>{{"data", {2, 784}}});

    // Bind, give the weights, run: compiled once for these shapes.
    Executor exe = mlp.simple_bind(Context::cpu(), {{"data", {2, 784}}});
    std::map<std::string, NDArray> params;
    for (size_t i = 1; i < args.size(); ++i)
      params[args[i]] = weights(shapes.arg_shapes[i]);
    exe.copy_params_from(params);
    NDArray input({2, 784});
    for (int64_t i = 0; i < input.size(); ++i)
      input.data_as<float>()[i] = float((i * 7919) % 1000) / 1000.f;
    const NDArray &prob = exe.forward(false, {{"data", input}})[0];

    std::vector<float> p = prob.asFloatVector();
    for (int row = 0; row < 2; ++row) {
      int best = 0;
      for (int c = 1; c < 10; ++c)
        if (p[row * 10 + c] > p[row * 10 + best])
          best = c;
      std::printf("sample %d: class %d (p=%.4f)\n", row, best, p[row * 10 + best]);
    }
    return 0;
  } catch (const MXNetError &e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}
