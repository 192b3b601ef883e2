//===- Params.cpp - MXNet .params files for compiled models ---------------===//
//
// The weights of a model compiled with --weights=external, read when it is
// created. Standard C++ only (this file is linked into the artifacts), and
// as strict as symc's importer: every size is checked against the bytes
// that are left before anything is allocated.
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/Params.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

namespace {

constexpr uint64_t kListMagic = 0x112;
constexpr uint32_t kV1Magic = 0xF993fac8;
constexpr uint32_t kV2Magic = 0xF993fac9;
constexpr uint32_t kV3Magic = 0xF993faca;
constexpr int64_t kMaxRank = 32;

const size_t kDTypeBytes[] = {4, 8, 2, 1, 4, 1, 8, 1, 2, 2, 4, 8, 2};

struct Array {
  std::string name; // without the arg:/aux: prefix
  int32_t dtype;
  std::vector<int64_t> shape;
  std::vector<char> data;
};

class Reader {
public:
  Reader(const char *bytes, size_t size) : bytes(bytes), size(size) {}
  template <typename T> bool read(T &value) {
    if (size - pos < sizeof(T))
      return false;
    std::memcpy(&value, bytes + pos, sizeof(T));
    pos += sizeof(T);
    return true;
  }
  bool take(uint64_t n, const char *&out) {
    if (size - pos < n)
      return false;
    out = bytes + pos;
    pos += n;
    return true;
  }
  uint64_t remaining() const { return size - pos; }
  uint64_t offset() const { return pos; }

private:
  const char *bytes;
  size_t size, pos = 0;
};

void setError(char *error, size_t size, const std::string &message) {
  if (error && size)
    std::snprintf(error, size, "%s", message.c_str());
}

/// One HostArray record; empty string on success, else what is wrong.
std::string readRecord(Reader &in, Array &array) {
  uint32_t magic;
  if (!in.read(magic))
    return "truncated HostArray record";
  if (magic == kV2Magic || magic == kV3Magic) {
    int32_t stype;
    if (!in.read(stype))
      return "truncated storage type";
    if (stype != 0)
      return "sparse storage is not supported";
  }
  bool hasData;
  if (magic != kV1Magic && magic != kV2Magic && magic != kV3Magic) {
    if (magic > kMaxRank) // pre-V1: the magic word is the rank
      return "unknown HostArray record";
    for (uint32_t i = 0; i < magic; ++i) {
      uint32_t d;
      if (!in.read(d))
        return "truncated shape";
      array.shape.push_back(d);
    }
    hasData = magic != 0;
  } else {
    int32_t ndim;
    if (!in.read(ndim) || ndim > kMaxRank || ndim < -1)
      return "invalid rank";
    for (int32_t i = 0; i < ndim; ++i) {
      int64_t d;
      if (!in.read(d) || d < 0)
        return "invalid shape";
      array.shape.push_back(d);
    }
    hasData = magic == kV3Magic ? ndim >= 0 : ndim > 0;
  }
  if (!hasData)
    return "an empty (none) array";
  int32_t devType, devId;
  if (!in.read(devType) || !in.read(devId) || !in.read(array.dtype))
    return "truncated context or dtype";
  if (array.dtype < 0 || array.dtype > 12)
    return "unknown dtype code " + std::to_string(array.dtype);
  uint64_t bytes = kDTypeBytes[array.dtype];
  for (int64_t d : array.shape) {
    if (d != 0 && bytes > in.remaining() / uint64_t(d))
      return "array data larger than the file";
    bytes *= uint64_t(d);
  }
  const char *data;
  if (!in.take(bytes, data))
    return "array data larger than the file";
  array.data.assign(data, data + bytes);
  return "";
}

} // namespace

struct symc_params {
  std::vector<Array> arrays;
};

namespace {
symc_status parseParams(const void *bytes, size_t size, symc_params **out,
                        char *error, size_t errorSize);
} // namespace

extern "C" symc_status symc_params_parse(const void *bytes, size_t size,
                                         symc_params **out, char *error,
                                         size_t errorSize) {
  try {
    return parseParams(bytes, size, out, error, errorSize);
  } catch (const std::bad_alloc &) {
    setError(error, errorSize, "params: out of memory");
    return SYMC_ERROR_OUT_OF_MEMORY;
  }
}

namespace {
symc_status parseParams(const void *bytes, size_t size, symc_params **out,
                        char *error, size_t errorSize) {
  *out = nullptr;
  Reader in(static_cast<const char *>(bytes), size);
  auto fail = [&](const std::string &what) {
    setError(error, errorSize,
             "params: " + what + " (at byte " + std::to_string(in.offset()) + ")");
    return SYMC_ERROR_INVALID_ARGUMENT;
  };
  uint64_t magic, reserved, count;
  if (!bytes || !in.read(magic) || !in.read(reserved) || magic != kListMagic)
    return fail("not an MXNet NDArray list (magic 0x112)");
  if (!in.read(count) || count > in.remaining() / 4)
    return fail("invalid array count");
  std::unique_ptr<symc_params> params(new (std::nothrow) symc_params);
  if (!params)
    return SYMC_ERROR_OUT_OF_MEMORY;
  for (uint64_t i = 0; i < count; ++i) {
    params->arrays.emplace_back();
    std::string problem = readRecord(in, params->arrays.back());
    if (!problem.empty())
      return fail(problem);
  }
  uint64_t names;
  if (!in.read(names) || (names != 0 && names != count))
    return fail("the names do not match the arrays");
  for (uint64_t i = 0; i < names; ++i) {
    uint64_t len;
    const char *name;
    if (!in.read(len) || !in.take(len, name))
      return fail("truncated name");
    std::string text(name, len);
    if (text.rfind("arg:", 0) == 0 || text.rfind("aux:", 0) == 0)
      text = text.substr(4);
    params->arrays[i].name = text;
  }
  *out = params.release();
  return SYMC_OK;
}
} // namespace

extern "C" const void *symc_params_find(const symc_params *params,
                                        const char *name, int32_t dtype,
                                        int32_t rank, const int64_t *shape,
                                        char *error, size_t errorSize) {
  for (const Array &array : params->arrays) {
    if (array.name != name)
      continue;
    bool same = array.dtype == dtype && array.shape.size() == size_t(rank);
    for (int32_t i = 0; same && i < rank; ++i)
      same = array.shape[i] == shape[i];
    if (!same) {
      std::string expected, got;
      for (int32_t i = 0; i < rank; ++i)
        expected += (i ? "," : "") + std::to_string(shape[i]);
      for (size_t i = 0; i < array.shape.size(); ++i)
        got += (i ? "," : "") + std::to_string(array.shape[i]);
      setError(error, errorSize,
               std::string("params: '") + name + "' is (" + got + ") of dtype " +
                   std::to_string(array.dtype) + ", the model was compiled for (" +
                   expected + ") of dtype " + std::to_string(dtype));
      return nullptr;
    }
    // Any non-null pointer for an empty array (NULL means "not found").
    return array.data.empty() ? static_cast<const void *>(&array)
                              : array.data.data();
  }
  setError(error, errorSize, std::string("params: no array named '") + name + "'");
  return nullptr;
}

extern "C" void symc_params_free(symc_params *params) { delete params; }

extern "C" symc_status symc_read_file(const char *path, void **bytes,
                                      size_t *size, char *error,
                                      size_t errorSize) try {
  *bytes = nullptr;
  *size = 0;
  FILE *f = path ? std::fopen(path, "rb") : nullptr;
  if (!f) {
    setError(error, errorSize,
             std::string("cannot open '") + (path ? path : "(null)") + "'");
    return SYMC_ERROR_IO;
  }
  std::vector<char> data;
  char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, f)) > 0)
    data.insert(data.end(), chunk, chunk + n);
  bool failed = std::ferror(f);
  std::fclose(f);
  if (failed) {
    setError(error, errorSize, std::string("cannot read '") + path + "'");
    return SYMC_ERROR_IO;
  }
  void *copy = std::malloc(data.size() ? data.size() : 1);
  if (!copy)
    return SYMC_ERROR_OUT_OF_MEMORY;
  std::memcpy(copy, data.data(), data.size());
  *bytes = copy;
  *size = data.size();
  return SYMC_OK;
} catch (const std::bad_alloc &) {
  setError(error, errorSize, "out of memory reading a file");
  return SYMC_ERROR_OUT_OF_MEMORY;
}
