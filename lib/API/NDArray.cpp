//===- NDArray.cpp - host tensors of the mx.sym API -----------------------===//

#include "symc/API/NDArray.h"

#include "Graph.h"
#include "symc/Import/HostArray.h"

#include "llvm/Support/Error.h"

#include <cstdio>
#include <cstring>

using namespace llvm;

namespace symc {
using detail::fail;

namespace {
const DTypeInfo &dtypeInfo(const std::string &name) {
  const DTypeInfo *info = lookupDTypeByName(name);
  if (!info)
    fail("unknown dtype '" + name + "'");
  return *info;
}

int64_t elementCount(const Shape &shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0)
      fail("negative dimension in an NDArray shape");
    if (d && n > INT64_MAX / d)
      fail("NDArray shape too large");
    n *= d;
  }
  return n;
}

HostArray toHostArray(const NDArray &a, const std::string &name) {
  HostArray h;
  h.name = name;
  h.dtype = &dtypeInfo(a.dtype());
  h.shape.assign(a.shape().begin(), a.shape().end());
  const char *p = static_cast<const char *>(a.data());
  h.data.assign(p, p + a.nbytes());
  return h;
}

NDArray fromHostArray(HostArray &h) {
  NDArray a = NDArray::zeros(Shape(h.shape.begin(), h.shape.end()), h.dtype->name.str());
  std::memcpy(a.data(), h.data.data(), h.data.size());
  return a;
}

/// IEEE half to float, subnormals and specials included.
float halfToFloat(uint16_t h) {
  uint32_t sign = uint32_t(h >> 15) << 31, exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  uint32_t bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (mant << 13);
  } else if (exp != 0) {
    bits = sign | ((exp + 112) << 23) | (mant << 13);
  } else if (mant == 0) {
    bits = sign;
  } else {
    // Subnormal: normalize the mantissa.
    int shift = 0;
    while (!(mant & 0x400)) {
      mant <<= 1;
      ++shift;
    }
    bits = sign | ((113 - shift) << 23) | ((mant & 0x3ff) << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

[[noreturn]] void failWith(Error err) { fail(toString(std::move(err))); }
} // namespace

NDArray NDArray::zeros(Shape shape, const std::string &dtype) {
  NDArray a;
  size_t bytes = elementCount(shape) * dtypeInfo(dtype).bytes;
  a.dims = std::move(shape);
  a.dtypeName = dtype;
  a.storage = std::make_shared<std::vector<char>>(bytes, 0);
  return a;
}

NDArray::NDArray(const std::vector<float> &values, Shape shape)
    : NDArray(zeros(std::move(shape))) {
  if ((int64_t)values.size() != size())
    fail("NDArray: " + Twine(values.size()) + " values for a shape of " +
         Twine(size()) + " elements");
  std::memcpy(data(), values.data(), nbytes());
}

NDArray NDArray::borrow(void *data, Shape shape, const std::string &dtype) {
  NDArray a;
  dtypeInfo(dtype);
  elementCount(shape);
  a.dims = std::move(shape);
  a.dtypeName = dtype;
  a.external = data;
  return a;
}

int64_t NDArray::size() const { return empty() ? 0 : elementCount(dims); }

size_t NDArray::nbytes() const {
  return empty() ? 0 : size() * dtypeInfo(dtypeName).bytes;
}

void *NDArray::data() { return external ? external : storage ? storage->data() : nullptr; }
const void *NDArray::data() const {
  return external ? external : storage ? storage->data() : nullptr;
}

namespace {
/// Calls `f(T())` with the C++ type of a numeric numpy dtype.
template <typename F>
void visitDType(StringRef dtype, F f) {
  if (dtype == "float32") f(float());
  else if (dtype == "float64") f(double());
  else if (dtype == "int32") f(int32_t());
  else if (dtype == "int64") f(int64_t());
  else if (dtype == "int8") f(int8_t());
  else if (dtype == "uint8" || dtype == "bool") f(uint8_t());
  else if (dtype == "int16") f(int16_t());
  else if (dtype == "uint16") f(uint16_t());
  else if (dtype == "uint32") f(uint32_t());
  else if (dtype == "uint64") f(uint64_t());
  else fail("dtype " + dtype + " cannot be converted");
}

/// The array's values as doubles (float16 included).
std::vector<double> valuesOf(const NDArray &a) {
  std::vector<double> out(a.size());
  const char *p = static_cast<const char *>(a.data());
  if (a.dtype() == "float16") {
    for (size_t i = 0; i < out.size(); ++i) {
      uint16_t h;
      std::memcpy(&h, p + 2 * i, 2);
      out[i] = halfToFloat(h);
    }
    return out;
  }
  visitDType(a.dtype(), [&](auto tag) {
    using T = decltype(tag);
    for (size_t i = 0; i < out.size(); ++i) {
      T v;
      std::memcpy(&v, p + i * sizeof(T), sizeof(T));
      out[i] = double(v);
    }
  });
  return out;
}
} // namespace

std::vector<float> NDArray::asFloatVector() const {
  std::vector<double> values = valuesOf(*this);
  return std::vector<float>(values.begin(), values.end());
}

void NDArray::copyTo(NDArray &dst) const {
  if (dst.shape() != shape())
    fail("copyTo: shapes differ");
  if (dst.dtype() == dtype()) {
    std::memcpy(dst.data(), data(), nbytes());
    return;
  }
  std::vector<double> values = valuesOf(*this);
  char *p = static_cast<char *>(dst.data());
  visitDType(dst.dtype(), [&](auto tag) {
    using T = decltype(tag);
    for (size_t i = 0; i < values.size(); ++i) {
      T v = T(values[i]);
      std::memcpy(p + i * sizeof(T), &v, sizeof(T));
    }
  });
}

NDArray NDArray::copy() const {
  if (empty())
    return NDArray();
  NDArray c = zeros(dims, dtypeName);
  std::memcpy(c.data(), data(), nbytes());
  return c;
}

NDArray NDArray::load_npy(const std::string &path) {
  Expected<HostArray> h = readNpyFile(path);
  if (!h)
    failWith(h.takeError());
  return fromHostArray(*h);
}

void NDArray::save_npy(const std::string &path) const {
  if (Error err = writeNpyFile(path, toHostArray(*this, "")))
    failWith(std::move(err));
}

std::map<std::string, NDArray> load_params(const std::string &path) {
  Expected<std::vector<HostArray>> arrays = loadParamsFile(path);
  if (!arrays)
    failWith(arrays.takeError());
  std::map<std::string, NDArray> out;
  for (HostArray &h : *arrays)
    out[h.name] = fromHostArray(h);
  return out;
}

void save_params(const std::string &path,
                 const std::map<std::string, NDArray> &arrays) {
  std::vector<HostArray> hosts;
  for (const auto &[name, a] : arrays)
    hosts.push_back(toHostArray(a, name));
  if (Error err = writeParamsFile(path, hosts))
    failWith(std::move(err));
}

Checkpoint load_checkpoint(const std::string &prefix, int epoch) {
  Checkpoint c;
  c.symbol = load(prefix + "-symbol.json");
  char suffix[32];
  std::snprintf(suffix, sizeof(suffix), "-%04d.params", epoch);
  for (auto &[name, array] : load_params(prefix + suffix)) {
    // As mx.model.load_checkpoint: a name must be "<kind>:<name>"; kinds
    // other than arg and aux are ignored.
    auto [kind, bare] = splitParamName(name);
    if (kind.empty())
      fail(prefix + suffix + ": array '" + name + "' has no arg: / aux: prefix");
    if (kind == "arg")
      c.arg_params[bare.str()] = array;
    else if (kind == "aux")
      c.aux_params[bare.str()] = array;
  }
  return c;
}

} // namespace symc
