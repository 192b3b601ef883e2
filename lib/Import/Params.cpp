//===- Params.cpp - MXNet .params (NDArray list) and npz loading ----------===//
//
// Format: src/ndarray/ndarray.cc (NDArray::Save / Load / LegacyLoad) and
// MXNet 2.0's npz (src/serialization/cnpy.cc). Little-endian throughout.
//
//===----------------------------------------------------------------------===//

#include "symc/Import/HostArray.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

using namespace llvm;

namespace symc {
namespace {

constexpr uint64_t kListMagic = 0x112;
constexpr uint32_t kV1Magic = 0xF993fac8;
constexpr uint32_t kV2Magic = 0xF993fac9;
constexpr uint32_t kV3Magic = 0xF993faca;
constexpr uint32_t kZipLocalHeader = 0x04034b50;
constexpr int64_t kMaxRank = 32;

/// A bounds-checked little-endian cursor.
class ByteReader {
public:
  ByteReader(StringRef bytes) : bytes(bytes) {}
  template <typename T> bool read(T &value) {
    if (remaining() < sizeof(T))
      return false;
    std::memcpy(&value, bytes.data() + pos, sizeof(T));
    pos += sizeof(T);
    return true;
  }
  bool take(uint64_t n, StringRef &out) {
    if (remaining() < n)
      return false;
    out = bytes.substr(pos, n);
    pos += n;
    return true;
  }
  uint64_t remaining() const { return bytes.size() - pos; }
  uint64_t offset() const { return pos; }

private:
  StringRef bytes;
  uint64_t pos = 0;
};

Error makeError(StringRef what, const Twine &msg) {
  return createStringError(inconvertibleErrorCode(), what + ": " + msg);
}

class ParamsParser {
public:
  ParamsParser(StringRef bytes, StringRef what, uint64_t maxBytes)
      : in(bytes), what(what), maxBytes(maxBytes) {}

  Expected<std::vector<HostArray>> parseList();

private:
  Error fail(const Twine &msg) {
    return makeError(what, msg + " (at byte " + Twine(in.offset()) + ")");
  }
  Expected<bool> readShape(uint32_t magic, SmallVector<int64_t> &shape);
  /// Record `index` (its name comes later in the file).
  Error readRecord(HostArray &array, uint64_t index);

  ByteReader in;
  StringRef what;
  uint64_t maxBytes;
  uint64_t totalBytes = 0;
};

/// Reads the shape of a record; false for a "none" array.
Expected<bool> ParamsParser::readShape(uint32_t magic,
                                       SmallVector<int64_t> &shape) {
  if (magic != kV1Magic && magic != kV2Magic && magic != kV3Magic) {
    // Pre-V1: the magic word is the rank, dims are uint32.
    if (magic > kMaxRank)
      return fail("unknown NDArray record (magic/ndim " + Twine(magic) + ")");
    for (uint32_t i = 0; i < magic; ++i) {
      uint32_t d;
      if (!in.read(d))
        return fail("truncated shape");
      shape.push_back(d);
    }
    return magic != 0;
  }
  int32_t ndim;
  if (!in.read(ndim))
    return fail("truncated shape");
  if (ndim > kMaxRank || ndim < -1)
    return fail("invalid ndim " + Twine(ndim));
  for (int32_t i = 0; i < ndim; ++i) {
    int64_t d;
    if (!in.read(d))
      return fail("truncated shape");
    if (d < 0)
      return fail("negative dimension " + Twine(d));
    shape.push_back(d);
  }
  // V3 (np-shape) marks a none array with ndim -1, older versions with 0.
  return magic == kV3Magic ? ndim >= 0 : ndim > 0;
}

Error ParamsParser::readRecord(HostArray &array, uint64_t index) {
  uint32_t magic;
  if (!in.read(magic))
    return fail("truncated NDArray record");
  if (magic == kV2Magic || magic == kV3Magic) {
    int32_t stype;
    if (!in.read(stype))
      return fail("truncated storage type");
    if (stype != 0)
      return fail("sparse storage (stype " + Twine(stype) +
                  ") is not supported");
  }
  Expected<bool> hasData = readShape(magic, array.shape);
  if (!hasData)
    return hasData.takeError();
  if (!*hasData)
    return fail("array " + Twine(index) + " is an empty (none) array");
  int32_t devType, devId, typeFlag;
  if (!in.read(devType) || !in.read(devId) || !in.read(typeFlag))
    return fail("truncated context or dtype");
  array.dtype = lookupDTypeByFlag(typeFlag);
  if (!array.dtype)
    return fail("unknown dtype code " + Twine(typeFlag));
  std::optional<uint64_t> bytes = getByteSize(array.shape, *array.dtype);
  if (!bytes)
    return fail("the byte size of array " + Twine(index) + " overflows");
  if (*bytes > in.remaining())
    return fail("array data of " + Twine(*bytes) + " bytes exceeds the " +
                Twine(in.remaining()) + " bytes left in the file");
  totalBytes += *bytes;
  if (totalBytes > maxBytes)
    return fail("parameters exceed the limit of " + Twine(maxBytes) + " bytes");
  StringRef data;
  in.take(*bytes, data);
  array.data.assign(data.begin(), data.end());
  return Error::success();
}

Expected<std::vector<HostArray>> ParamsParser::parseList() {
  uint64_t magic, reserved, count;
  if (!in.read(magic) || !in.read(reserved))
    return fail("file too short for an NDArray list header");
  if (magic != kListMagic)
    return fail("not an MXNet NDArray list (magic " + Twine::utohexstr(magic) +
                ", expected 0x112)");
  if (!in.read(count))
    return fail("truncated array count");
  // Each record takes at least 4 bytes: a count beyond that is corrupt.
  if (count > in.remaining() / 4)
    return fail("array count " + Twine(count) + " exceeds the file size");
  // Grown record by record: the count is not trusted for allocation.
  std::vector<HostArray> arrays;
  for (uint64_t i = 0; i < count; ++i)
    if (Error err = readRecord(arrays.emplace_back(), i))
      return std::move(err);
  uint64_t nameCount;
  if (!in.read(nameCount))
    return fail("truncated name count");
  if (nameCount != 0 && nameCount != count)
    return fail("the file has " + Twine(count) + " arrays but " +
                Twine(nameCount) + " names");
  for (uint64_t i = 0; i < nameCount; ++i) {
    uint64_t len;
    StringRef name;
    if (!in.read(len) || !in.take(len, name))
      return fail("truncated name " + Twine(i));
    arrays[i].name = name.str();
  }
  return arrays;
}

/// MXNet 2.0: a zip of .npy files, stored uncompressed by numpy.savez.
Expected<std::vector<HostArray>> parseNpz(StringRef bytes, StringRef what,
                                        uint64_t maxBytes) {
  ByteReader in(bytes);
  std::vector<HostArray> arrays;
  uint64_t total = 0;
  while (in.remaining() >= 4) {
    uint32_t signature;
    in.read(signature);
    if (signature != kZipLocalHeader)
      break; // the central directory follows the entries
    uint16_t version, flags, method, time, date, nameLen, extraLen;
    uint32_t crc, compressed, uncompressed;
    if (!in.read(version) || !in.read(flags) || !in.read(method) ||
        !in.read(time) || !in.read(date) || !in.read(crc) ||
        !in.read(compressed) || !in.read(uncompressed) || !in.read(nameLen) ||
        !in.read(extraLen))
      return makeError(what, "truncated zip entry header");
    StringRef name, extra, data;
    if (!in.take(nameLen, name) || !in.take(extraLen, extra))
      return makeError(what, "truncated zip entry name");
    if (method != 0)
      return makeError(what, "'" + name +
                                 "' is compressed; only uncompressed npz "
                                 "(numpy.savez) is supported");
    if ((flags & 0x8) || compressed == 0xFFFFFFFFu)
      return makeError(what, "'" + name + "' uses a data descriptor or zip64, "
                                          "which is not supported");
    if (!in.take(compressed, data))
      return makeError(what, "truncated data of '" + name + "'");
    total += compressed;
    if (total > maxBytes)
      return makeError(what, "parameters exceed the limit of " +
                                 Twine(maxBytes) + " bytes");
    Expected<HostArray> array = parseNpy(data, (what + ":" + name).str());
    if (!array)
      return array.takeError();
    name.consume_back(".npy");
    array->name = name.str();
    arrays.push_back(std::move(*array));
  }
  if (arrays.empty())
    return makeError(what, "no arrays in the npz archive");
  return arrays;
}

} // namespace

int64_t HostArray::numElements() const {
  // A zero extent makes the array empty whatever the others are (a parsed
  // array may have huge extents next to a zero one: its byte size is 0).
  if (llvm::is_contained(shape, 0))
    return 0;
  int64_t n = 1;
  for (int64_t d : shape)
    if (d < 0 || __builtin_mul_overflow(n, d, &n))
      return -1;
  return n;
}

std::pair<StringRef, StringRef> splitParamName(StringRef name) {
  for (StringRef prefix : {"arg:", "aux:"})
    if (name.starts_with(prefix))
      return {prefix.drop_back(), name.drop_front(prefix.size())};
  return {"", name};
}

Expected<std::vector<HostArray>> parseParams(StringRef bytes, StringRef what,
                                           uint64_t maxBytes) {
  if (bytes.starts_with("PK\x03\x04"))
    return parseNpz(bytes, what, maxBytes);
  return ParamsParser(bytes, what, maxBytes).parseList();
}

Expected<std::vector<HostArray>> loadParamsFile(StringRef path,
                                              uint64_t maxBytes) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> file =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!file)
    return makeError(path, "cannot read: " + file.getError().message());
  return parseParams((*file)->getBuffer(), path, maxBytes);
}

} // namespace symc

namespace symc {

Error writeParamsFile(StringRef path, ArrayRef<HostArray> arrays) {
  // NDArray::Save's V2 records (legacy shapes), as MXNet 1.9.1 writes them
  // outside numpy-shape mode; written through a temporary file.
  return writeToOutput(path, [&](raw_ostream &os) -> Error {
    auto put = [&](auto v) { os.write(reinterpret_cast<const char *>(&v), sizeof(v)); };
    put(kListMagic);
    put(uint64_t(0));
    put(uint64_t(arrays.size()));
    for (const HostArray &a : arrays) {
      put(kV2Magic);
      put(int32_t(0)); // dense storage
      put(int32_t(a.shape.size()));
      for (int64_t d : a.shape)
        put(d);
      put(int32_t(1)); // cpu
      put(int32_t(0));
      put(int32_t(a.dtype->flag));
      os.write(a.data.data(), a.data.size());
    }
    put(uint64_t(arrays.size()));
    for (const HostArray &a : arrays) {
      put(uint64_t(a.name.size()));
      os << a.name;
    }
    return Error::success();
  });
}

} // namespace symc
