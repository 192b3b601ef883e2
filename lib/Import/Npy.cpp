//===- Npy.cpp - numpy .npy reading and writing ---------------------------===//
//
// Format: numpy/lib/format.py. The header is a Python dict literal with
// 'descr', 'fortran_order' and 'shape'; only little-endian C-ordered arrays
// of MXNet's dtypes are accepted.
//
//===----------------------------------------------------------------------===//

#include "symc/Import/HostArray.h"

#include <algorithm>
#include <cmath>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

using namespace llvm;

namespace symc {
namespace {

constexpr StringLiteral kNpyMagic = "\x93NUMPY";

Error npyError(StringRef what, const Twine &msg) {
  return createStringError(inconvertibleErrorCode(), what + ": " + msg);
}

/// The text after `'key':` in the header dict, up to the next top-level
/// comma or closing brace.
std::optional<StringRef> headerValue(StringRef header, StringRef key) {
  size_t pos = header.find(("'" + key + "'").str());
  if (pos == StringRef::npos)
    return std::nullopt;
  StringRef rest = header.drop_front(pos + key.size() + 2).ltrim();
  if (!rest.consume_front(":"))
    return std::nullopt;
  rest = rest.ltrim();
  size_t end = rest.starts_with("(") ? rest.find(')') + 1 : rest.find_first_of(",}");
  if (end == StringRef::npos || end == 0)
    return std::nullopt;
  return rest.take_front(end).trim();
}

const DTypeInfo *dtypeFromDescr(StringRef descr) {
  if (descr.size() < 3 || !(descr.front() == '\'' || descr.front() == '"'))
    return nullptr;
  descr = descr.drop_front().drop_back();
  char order = descr.front();
  StringRef code = descr.drop_front();
  for (const DTypeInfo &info : getDTypeTable()) {
    if (info.npy != code)
      continue;
    // Multi-byte types must be little-endian; single bytes have no order.
    if (order == '<' || (order == '|' && info.bytes == 1) ||
        (order == '=' && info.bytes == 1))
      return &info;
  }
  return nullptr;
}

} // namespace

Expected<HostArray> parseNpy(StringRef bytes, StringRef what) {
  if (!bytes.starts_with(kNpyMagic) || bytes.size() < 10)
    return npyError(what, "not a .npy file (bad magic)");
  uint8_t major = bytes[6];
  uint64_t headerLen, offset;
  if (major == 1) {
    uint16_t len;
    std::memcpy(&len, bytes.data() + 8, 2);
    headerLen = len;
    offset = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12)
      return npyError(what, "truncated header");
    uint32_t len;
    std::memcpy(&len, bytes.data() + 8, 4);
    headerLen = len;
    offset = 12;
  } else {
    return npyError(what, "unsupported .npy version " + Twine(major));
  }
  if (headerLen > bytes.size() - offset)
    return npyError(what, "truncated header");
  StringRef header = bytes.substr(offset, headerLen);
  std::optional<StringRef> descr = headerValue(header, "descr");
  std::optional<StringRef> fortran = headerValue(header, "fortran_order");
  std::optional<StringRef> shapeText = headerValue(header, "shape");
  if (!descr || !fortran || !shapeText)
    return npyError(what, "malformed header '" + header.rtrim() + "'");
  HostArray array;
  array.dtype = dtypeFromDescr(*descr);
  if (!array.dtype)
    return npyError(what, "unsupported dtype " + *descr +
                              " (little-endian MXNet dtypes only)");
  if (*fortran != "False")
    return npyError(what, "Fortran-ordered arrays are not supported");
  StringRef dims = shapeText->drop_front().drop_back();
  SmallVector<StringRef> parts;
  dims.split(parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef p : parts) {
    int64_t d;
    if (p.trim().getAsInteger(10, d) || d < 0)
      return npyError(what, "invalid shape " + *shapeText);
    array.shape.push_back(d);
  }
  std::optional<uint64_t> dataBytes = getByteSize(array.shape, *array.dtype);
  if (!dataBytes)
    return npyError(what, "shape size overflows");
  uint64_t start = offset + headerLen;
  if (*dataBytes != bytes.size() - start)
    return npyError(what, "expected " + Twine(*dataBytes) +
                              " data bytes, found " + Twine(bytes.size() - start));
  array.data.assign(bytes.begin() + start, bytes.end());
  return array;
}

Expected<HostArray> readNpyFile(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> file =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!file)
    return npyError(path, "cannot read: " + file.getError().message());
  return parseNpy((*file)->getBuffer(), path);
}

Error writeNpyFile(StringRef path, const HostArray &array) {
  std::string header = "{'descr': '";
  header += array.dtype->bytes == 1 ? "|" : "<";
  header += array.dtype->npy.str() + "', 'fortran_order': False, 'shape': (";
  for (int64_t d : array.shape)
    header += std::to_string(d) + ", ";
  if (array.shape.size() > 1)
    header.resize(header.size() - 2);
  else if (array.shape.size() == 1)
    header.pop_back();
  header += "), }";
  // Pad so that the data starts on a 64-byte boundary, ending in '\n'.
  size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';

  std::string tmp = (path + ".tmp").str();
  {
    std::error_code ec;
    raw_fd_ostream os(tmp, ec, sys::fs::OF_None);
    if (ec)
      return npyError(path, "cannot write: " + ec.message());
    uint16_t len = header.size();
    os << kNpyMagic << '\x01' << '\x00';
    os.write(reinterpret_cast<const char *>(&len), 2);
    os << header;
    os.write(array.data.data(), array.data.size());
    os.close();
    if (os.has_error()) {
      os.clear_error();
      sys::fs::remove(tmp);
      return npyError(path, "write failed");
    }
  }
  if (std::error_code ec = sys::fs::rename(tmp, path)) {
    sys::fs::remove(tmp);
    return npyError(path, "cannot write: " + ec.message());
  }
  return Error::success();
}

HostArray makeDeterministicFill(StringRef name, ArrayRef<int64_t> shape,
                              bool weight) {
  HostArray array;
  array.name = name.str();
  array.dtype = lookupDTypeByName("float32");
  array.shape.assign(shape.begin(), shape.end());
  array.data.resize(array.numElements() * sizeof(float));
  float scale = 1.0f, shift = 0.0f;
  if (weight && shape.size() >= 2) {
    int64_t fanIn = 1;
    for (int64_t d : shape.drop_front())
      fanIn *= d;
    scale = std::sqrt(12.0f / float(std::max<int64_t>(fanIn, 1)));
  } else if (weight && name.ends_with("var")) {
    shift = 1.0f;
  }
  auto *values = reinterpret_cast<float *>(array.data.data());
  for (int64_t i = 0, e = array.numElements(); i < e; ++i)
    values[i] = (float((i * 7919) % 1000) / 1000.0f - 0.5f) * scale + shift;
  return array;
}


Expected<SmallVector<int64_t>> parseShapeArgument(StringRef text) {
  SmallVector<int64_t> dims;
  SmallVector<StringRef> parts;
  text.split(parts, 'x');
  for (StringRef p : parts) {
    int64_t d;
    if (p.getAsInteger(10, d) || d < 0 || d > (int64_t(1) << 31))
      return createStringError(inconvertibleErrorCode(),
                               "invalid dimension '" + p + "'");
    dims.push_back(d);
  }
  return dims;
}

} // namespace symc
