/*===- Allocator.h - the allocator compiled models call ----------*- C -*-===//
 *
 * Compiled models allocate their intermediate buffers through these
 * functions (finalize-memref-to-llvm's "generic functions") instead of
 * malloc and free. A model frees every intermediate buffer at the end of a
 * run and asks for the same sizes on the next one; glibc would give large
 * blocks back to the kernel, and every run would page-fault its working
 * memory in again (30% of ResNet-18's run time). Freed large blocks are
 * kept, by size, for the next request instead, up to a bound.
 *
 * Thread-safe: each thread keeps the blocks it freed for itself. Sanitizer
 * builds do not cache, so that ASan still sees every use after free.
 *
 *===----------------------------------------------------------------------===*/

#ifndef SYMC_RUNTIME_ALLOCATOR_H
#define SYMC_RUNTIME_ALLOCATOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void *_mlir_memref_to_llvm_alloc(size_t size);
void *_mlir_memref_to_llvm_aligned_alloc(size_t alignment, size_t size);
void _mlir_memref_to_llvm_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* SYMC_RUNTIME_ALLOCATOR_H */
