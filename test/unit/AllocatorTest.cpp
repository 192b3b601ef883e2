//===- AllocatorTest.cpp - the allocator compiled models call -------------===//

#include "symc/Runtime/Allocator.h"

#include "gtest/gtest.h"

#include <cstdint>
#include <cstring>

namespace {

bool isAligned(void *p, uintptr_t alignment) {
  return reinterpret_cast<uintptr_t>(p) % alignment == 0;
}

TEST(RuntimeAllocator, BlocksAreCacheLineAlignedAndWritable) {
  for (size_t size : {size_t(1), size_t(100), size_t(1) << 20}) {
    void *p = _mlir_memref_to_llvm_alloc(size);
    ASSERT_NE(p, nullptr);
    EXPECT_TRUE(isAligned(p, 64));
    std::memset(p, 0xab, size);
    _mlir_memref_to_llvm_free(p);
  }
  void *wide = _mlir_memref_to_llvm_aligned_alloc(4096, 1000);
  ASSERT_NE(wide, nullptr);
  EXPECT_TRUE(isAligned(wide, 4096));
  _mlir_memref_to_llvm_free(wide);
  _mlir_memref_to_llvm_free(nullptr);
}

#if !defined(__SANITIZE_ADDRESS__) && !(defined(__has_feature) && __has_feature(address_sanitizer))
TEST(RuntimeAllocator, LargeFreedBlocksServeTheNextRequestOfTheirSize) {
  const size_t size = size_t(3) << 20;
  void *first = _mlir_memref_to_llvm_alloc(size);
  _mlir_memref_to_llvm_free(first);
  void *second = _mlir_memref_to_llvm_alloc(size);
  EXPECT_EQ(first, second);
  void *other = _mlir_memref_to_llvm_alloc(size + 64);
  EXPECT_NE(other, second);
  _mlir_memref_to_llvm_free(second);
  _mlir_memref_to_llvm_free(other);
}
#endif

TEST(RuntimeAllocator, ImpossibleSizesFail) {
  EXPECT_EQ(_mlir_memref_to_llvm_alloc(SIZE_MAX - 16), nullptr);
}

} // namespace
