//===- fuzz-c-api.cpp - an AOT artifact's input checks under libFuzzer ----===//
//
// Links a model compiled by sym-compile (two float32 inputs of 2x3, outputs
// 2x3 and 2; its C wrapper built with the sanitizers) and calls its run
// function with tensor descriptors made from the input bytes: any counts,
// dtypes, ranks (negative, huge), extents, NULL data or shapes, strides.
// The descriptor arrays hold exactly what they claim and each buffer is as
// large as its descriptor says (when that is sane), so any out-of-bounds
// access is the wrapper's. A call must fail cleanly or run.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "fuzzmodel.h"

#include <cstdlib>
#include <memory>
#include <vector>

namespace {

struct OwnedTensor {
  std::vector<int64_t> shape, strides;
  std::unique_ptr<char[]> data;
  symc_tensor tensor{};
};

/// A descriptor from the stream; the buffer matches the claimed shape when
/// it has at most 4096 elements, else it is 16 bytes.
void makeTensor(symc::fuzz::ByteStream &in, OwnedTensor &t) {
  uint8_t flags = in.take<uint8_t>();
  t.tensor.dtype = static_cast<symc_dtype>(in.take<int8_t>());
  t.tensor.rank = in.take<int8_t>();
  size_t stored = t.tensor.rank < 0 ? 0 : std::min<int32_t>(t.tensor.rank, 8);
  t.shape.resize(stored);
  int64_t elements = 1;
  for (int64_t &d : t.shape) {
    d = (flags & 1) ? in.take<int64_t>() : in.take<uint8_t>() % 5;
    if (d < 0 || (d && elements > 4096 / d))
      elements = 4097;
    else
      elements *= d;
  }
  size_t bytes = elements <= 4096 ? size_t(elements) * 8 : 16;
  t.data.reset(new char[bytes ? bytes : 1]);
  t.tensor.data = (flags & 2) ? nullptr : t.data.get();
  t.tensor.shape = (flags & 4) ? nullptr : t.shape.data();
  if (flags & 8) {
    t.strides.resize(stored);
    for (int64_t &s : t.strides)
      s = in.take<int8_t>();
    t.tensor.strides = t.strides.data();
  }
}

fuzzmodel_model *model() {
  static fuzzmodel_model *m = [] {
    fuzzmodel_model *created = nullptr;
    if (fuzzmodel_create(&created) != SYMC_OK)
      std::abort();
    return created;
  }();
  return m;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  symc::fuzz::ByteStream in(data, size);
  size_t numInputs = in.take<uint8_t>() % 4, numOutputs = in.take<uint8_t>() % 4;
  std::vector<OwnedTensor> inputs(numInputs), outputs(numOutputs);
  for (OwnedTensor &t : inputs)
    makeTensor(in, t);
  for (OwnedTensor &t : outputs)
    makeTensor(in, t);
  std::vector<symc_tensor> ins, outs;
  for (OwnedTensor &t : inputs)
    ins.push_back(t.tensor);
  for (OwnedTensor &t : outputs)
    outs.push_back(t.tensor);
  symc_status status = fuzzmodel_run(model(), ins.empty() ? nullptr : ins.data(),
                                     ins.size(), outs.empty() ? nullptr : outs.data(),
                                     outs.size());
  if (status != SYMC_OK && !fuzzmodel_error_message(model())[0])
    std::abort(); // every failure says why
  return 0;
}
