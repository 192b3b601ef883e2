//===- NpyTest.cpp - .npy reading and writing ----------------------------===//

#include "symc/Import/HostArray.h"

#include "llvm/Support/FileSystem.h"
#include "gtest/gtest.h"

using namespace symc;

namespace {

std::string npyBytes(const std::string &header, size_t dataBytes) {
  std::string padded = header;
  while ((10 + padded.size() + 1) % 64)
    padded += ' ';
  padded += '\n';
  std::string out = "\x93NUMPY\x01";
  out += '\0';
  out += char(padded.size() & 0xff);
  out += char(padded.size() >> 8);
  return out + padded + std::string(dataBytes, '\0');
}

TEST(Npy, ParsesHeader) {
  auto array = parseNpy(
      npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", 24),
      "t");
  ASSERT_TRUE(bool(array)) << llvm::toString(array.takeError());
  EXPECT_EQ(array->dtype->name, "float32");
  EXPECT_EQ(array->shape, (llvm::SmallVector<int64_t>{2, 3}));
  auto scalar = parseNpy(
      npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8), "t");
  ASSERT_TRUE(bool(scalar));
  EXPECT_TRUE(scalar->shape.empty());
}

TEST(Npy, RejectsBadFiles) {
  auto expectError = [](const std::string &bytes, const char *needle) {
    auto array = parseNpy(bytes, "t");
    ASSERT_FALSE(bool(array));
    std::string message = llvm::toString(array.takeError());
    EXPECT_NE(message.find(needle), std::string::npos) << message;
  };
  expectError("not numpy", "bad magic");
  expectError(npyBytes("{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 8),
              "unsupported dtype");
  expectError(npyBytes("{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }", 8),
              "Fortran");
  expectError(npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 4),
              "data bytes");
  expectError(npyBytes("{'descr': '<f4', 'shape': (2,), }", 8), "malformed header");
}

TEST(Npy, WritesWhatItReads) {
  HostArray array;
  array.dtype = lookupDTypeByName("float32");
  array.shape = {3};
  array.data.assign(12, 'x');
  llvm::SmallString<64> path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("symc", "npy", path));
  ASSERT_FALSE(bool(writeNpyFile(path, array)));
  auto back = readNpyFile(path);
  ASSERT_TRUE(bool(back));
  EXPECT_EQ(back->shape, array.shape);
  EXPECT_EQ(back->data, array.data);
  llvm::sys::fs::remove(path);
}

} // namespace
