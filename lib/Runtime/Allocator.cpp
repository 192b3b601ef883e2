//===- Allocator.cpp - a caching allocator for compiled models ------------===//
//
// Every block carries a header just below its payload: the address malloc
// returned and the size that was asked for. Blocks of at least
// kMinCachedSize are kept on free, in a per-thread map by size, while that
// cache holds less than kMaxCachedBytes; anything else goes back to free().
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/Allocator.h"

#include <cstdint>
#include <cstdlib>
#include <unordered_map>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define SYMC_NO_BLOCK_CACHE 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SYMC_NO_BLOCK_CACHE 1
#endif

namespace {

/// The payload alignment of every block (a cache line, and enough for any
/// vector the code generator emits).
constexpr size_t kAlignment = 64;
/// Smaller blocks come from malloc's own free lists, without page faults.
constexpr size_t kMinCachedSize = 256 * 1024;
/// At most this much freed memory is kept, per thread.
constexpr size_t kMaxCachedBytes = size_t(1) << 30;

struct Header {
  void *base;
  size_t size;
};

Header *headerOf(void *payload);

/// The blocks one thread freed. Blocks are reused only by the thread that
/// freed them: no lock, and no hand-over between threads that a thread
/// sanitizer could not see (the artifacts' runtime is not instrumented).
struct BlockCache {
  std::unordered_multimap<size_t, void *> blocks; // size -> payload
  size_t bytes = 0;
  ~BlockCache();
};

thread_local BlockCache cache;
/// False once this thread's cache is destroyed (at thread or process exit:
/// blocks freed later go straight back to free()).
thread_local bool cacheAlive = true;

BlockCache::~BlockCache() {
  cacheAlive = false;
  for (auto &entry : blocks)
    std::free(headerOf(entry.second)->base);
}

Header *headerOf(void *payload) {
  return reinterpret_cast<Header *>(static_cast<char *>(payload) -
                                    sizeof(Header));
}

void *allocateBlock(size_t size, size_t alignment) {
  if (alignment < kAlignment)
    alignment = kAlignment;
  // Room for the header below an aligned payload.
  size_t total = size + alignment + sizeof(Header);
  if (total < size)
    return nullptr; // overflow
  void *base = std::malloc(total);
  if (!base)
    return nullptr;
  uintptr_t start = reinterpret_cast<uintptr_t>(base) + sizeof(Header);
  uintptr_t payload = (start + alignment - 1) & ~(uintptr_t(alignment) - 1);
  auto *result = reinterpret_cast<void *>(payload);
  *headerOf(result) = Header{base, size};
  return result;
}

void *reuseBlock(size_t size) {
#ifndef SYMC_NO_BLOCK_CACHE
  if (size < kMinCachedSize || !cacheAlive)
    return nullptr;
  BlockCache &c = cache;
  auto it = c.blocks.find(size);
  if (it == c.blocks.end())
    return nullptr;
  void *payload = it->second;
  c.blocks.erase(it);
  c.bytes -= size;
  return payload;
#else
  (void)size;
  return nullptr;
#endif
}

bool keepBlock(void *payload, size_t size) {
#ifndef SYMC_NO_BLOCK_CACHE
  if (size < kMinCachedSize || !cacheAlive)
    return false;
  BlockCache &c = cache;
  if (c.bytes + size > kMaxCachedBytes)
    return false;
  c.blocks.emplace(size, payload);
  c.bytes += size;
  return true;
#else
  (void)payload;
  (void)size;
  return false;
#endif
}

} // namespace

extern "C" void *_mlir_memref_to_llvm_alloc(size_t size) {
  if (void *reused = reuseBlock(size))
    return reused;
  return allocateBlock(size, kAlignment);
}

extern "C" void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment,
                                                    size_t size) {
  if (alignment <= kAlignment)
    return _mlir_memref_to_llvm_alloc(size);
  // Rare (no schedule asks for more than a cache line): a fresh block, as
  // the cached ones are only kAlignment-aligned (once freed, it may serve
  // any later request of its size).
  return allocateBlock(size, alignment);
}

extern "C" void _mlir_memref_to_llvm_free(void *payload) {
  if (!payload)
    return;
  Header header = *headerOf(payload);
  if (!keepBlock(payload, header.size))
    std::free(header.base);
}
