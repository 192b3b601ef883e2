//===- ParamsTest.cpp - the .params / npz loader on valid and broken files ===//

#include "symc/Import/HostArray.h"

#include "gtest/gtest.h"
#include <cstring>

using namespace symc;

namespace {

/// Builds MXNet NDArray list files byte by byte.
class ParamsWriter {
public:
  template <typename T> ParamsWriter &put(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    data.append(bytes, sizeof(T));
    return *this;
  }
  ParamsWriter &header(uint64_t count) {
    return put<uint64_t>(0x112).put<uint64_t>(0).put<uint64_t>(count);
  }
  /// A V2 (or V3) float32 record with the given dims and values 0, 1, ...
  ParamsWriter &recordV2(std::vector<int64_t> dims, uint32_t magic = 0xF993fac9,
                         int32_t typeFlag = 0) {
    put<uint32_t>(magic).put<int32_t>(0).put<int32_t>(dims.size());
    for (int64_t d : dims)
      put<int64_t>(d);
    return context(typeFlag).values(dims);
  }
  ParamsWriter &recordV1(std::vector<int64_t> dims) {
    put<uint32_t>(0xF993fac8).put<int32_t>(dims.size());
    for (int64_t d : dims)
      put<int64_t>(d);
    return context(0).values(dims);
  }
  /// Pre-V1: the rank, then 32-bit dims.
  ParamsWriter &recordLegacy(std::vector<uint32_t> dims) {
    put<uint32_t>(dims.size());
    for (uint32_t d : dims)
      put<uint32_t>(d);
    std::vector<int64_t> wide(dims.begin(), dims.end());
    return context(0).values(wide);
  }
  ParamsWriter &names(std::vector<std::string> list) {
    put<uint64_t>(list.size());
    for (const std::string &name : list) {
      put<uint64_t>(name.size());
      data += name;
    }
    return *this;
  }
  std::string data;

private:
  ParamsWriter &context(int32_t typeFlag) {
    return put<int32_t>(1).put<int32_t>(0).put<int32_t>(typeFlag);
  }
  ParamsWriter &values(const std::vector<int64_t> &dims) {
    int64_t n = 1;
    for (int64_t d : dims)
      n *= d;
    for (int64_t i = 0; i < n; ++i)
      put<float>(float(i));
    return *this;
  }
};

std::string errorOf(llvm::Expected<std::vector<HostArray>> result) {
  if (result)
    return "";
  return llvm::toString(result.takeError());
}

TEST(Params, ReadsEveryRecordVersion) {
  ParamsWriter w;
  w.header(4)
      .recordV2({2, 3})
      .recordV2({4}, 0xF993faca)
      .recordV1({1, 2})
      .recordLegacy({3})
      .names({"arg:w", "aux:m", "arg:v1", "b"});
  auto arrays = parseParams(w.data, "test");
  ASSERT_TRUE(bool(arrays)) << llvm::toString(arrays.takeError());
  ASSERT_EQ(arrays->size(), 4u);
  EXPECT_EQ((*arrays)[0].name, "arg:w");
  EXPECT_EQ((*arrays)[0].shape, (llvm::SmallVector<int64_t>{2, 3}));
  EXPECT_EQ((*arrays)[1].shape, (llvm::SmallVector<int64_t>{4}));
  EXPECT_EQ((*arrays)[3].shape, (llvm::SmallVector<int64_t>{3}));
  float last;
  std::memcpy(&last, (*arrays)[0].data.data() + 5 * sizeof(float), sizeof(float));
  EXPECT_EQ(last, 5.0f);
  EXPECT_EQ(splitParamName("aux:m").first, "aux");
  EXPECT_EQ(splitParamName("aux:m").second, "m");
  EXPECT_EQ(splitParamName("b").first, "");
}

TEST(Params, RejectsWrongMagic) {
  ParamsWriter w;
  w.put<uint64_t>(0x113).put<uint64_t>(0).put<uint64_t>(0);
  EXPECT_NE(errorOf(parseParams(w.data, "f")).find("not an MXNet NDArray list"),
            std::string::npos);
}

TEST(Params, RejectsTruncatedData) {
  ParamsWriter w;
  w.header(1).recordV2({100, 100}).names({"arg:w"});
  std::string truncated = w.data.substr(0, 80);
  EXPECT_NE(errorOf(parseParams(truncated, "f")).find("exceeds"),
            std::string::npos);
  for (size_t cut = 0; cut < w.data.size(); cut += 7)
    EXPECT_FALSE(errorOf(parseParams(w.data.substr(0, cut), "f")).empty())
        << "accepted a file cut at " << cut;
}

TEST(Params, RejectsHugeDeclarations) {
  ParamsWriter huge;
  huge.header(1).put<uint32_t>(0xF993fac9).put<int32_t>(0).put<int32_t>(2);
  huge.put<int64_t>(int64_t(1) << 40).put<int64_t>(int64_t(1) << 40);
  huge.put<int32_t>(1).put<int32_t>(0).put<int32_t>(0);
  EXPECT_FALSE(errorOf(parseParams(huge.data, "f")).empty());

  ParamsWriter rank;
  rank.header(1).put<uint32_t>(0xF993fac9).put<int32_t>(0).put<int32_t>(1 << 30);
  EXPECT_NE(errorOf(parseParams(rank.data, "f")).find("invalid ndim"),
            std::string::npos);

  ParamsWriter count;
  count.header(uint64_t(1) << 60);
  EXPECT_NE(errorOf(parseParams(count.data, "f")).find("exceeds the file size"),
            std::string::npos);
}

TEST(Params, RejectsBadDTypeAndNameCount) {
  ParamsWriter dtype;
  dtype.header(1).recordV2({2}, 0xF993fac9, /*typeFlag=*/99).names({"a"});
  EXPECT_NE(errorOf(parseParams(dtype.data, "f")).find("unknown dtype code 99"),
            std::string::npos);

  ParamsWriter names;
  names.header(2).recordV2({2}).recordV2({2}).names({"a"});
  EXPECT_NE(errorOf(parseParams(names.data, "f")).find("2 arrays but 1 names"),
            std::string::npos);
}

TEST(Params, EnforcesTheByteLimit) {
  ParamsWriter w;
  w.header(1).recordV2({64}).names({"a"});
  EXPECT_NE(errorOf(parseParams(w.data, "f", /*maxBytes=*/100)).find("limit"),
            std::string::npos);
}

TEST(Params, RejectsSparseStorage) {
  ParamsWriter w;
  w.header(1).put<uint32_t>(0xF993fac9).put<int32_t>(1);
  EXPECT_NE(errorOf(parseParams(w.data, "f")).find("sparse"), std::string::npos);
}

} // namespace

namespace {

/// A stored (uncompressed) zip entry, as numpy.savez writes them.
std::string zipEntry(const std::string &name, const std::string &payload) {
  ParamsWriter w;
  w.put<uint32_t>(0x04034b50).put<uint16_t>(20).put<uint16_t>(0);
  w.put<uint16_t>(0).put<uint16_t>(0).put<uint16_t>(0).put<uint32_t>(0);
  w.put<uint32_t>(payload.size()).put<uint32_t>(payload.size());
  w.put<uint16_t>(name.size()).put<uint16_t>(0);
  return w.data + name + payload;
}

std::string npyOf(const std::string &shape, size_t floats) {
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': " +
                       shape + ", }";
  while ((10 + header.size() + 1) % 64)
    header += ' ';
  header += '\n';
  std::string out = "\x93NUMPY\x01";
  out += '\0';
  out += char(header.size());
  out += '\0';
  return out + header + std::string(floats * 4, '\0');
}

TEST(Params, ReadsMXNet2Npz) {
  std::string zip = zipEntry("arg:w.npy", npyOf("(2, 3)", 6)) +
                    zipEntry("aux:m.npy", npyOf("(3,)", 3)) + "PK\x01\x02";
  auto arrays = parseParams(zip, "model.params");
  ASSERT_TRUE(bool(arrays)) << llvm::toString(arrays.takeError());
  ASSERT_EQ(arrays->size(), 2u);
  EXPECT_EQ((*arrays)[0].name, "arg:w");
  EXPECT_EQ((*arrays)[0].shape, (llvm::SmallVector<int64_t>{2, 3}));
  EXPECT_EQ((*arrays)[1].name, "aux:m");
}

TEST(Params, RejectsBrokenNpz) {
  std::string good = zipEntry("arg:w.npy", npyOf("(2, 3)", 6));
  EXPECT_NE(errorOf(parseParams(good.substr(0, good.size() - 5), "f"))
                .find("truncated"),
            std::string::npos);
  std::string deflated = good;
  deflated[8] = 8; // compression method: deflate
  EXPECT_NE(errorOf(parseParams(deflated, "f")).find("compressed"),
            std::string::npos);
}

} // namespace
