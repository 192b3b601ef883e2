/*===- CudaRuntime.h - the GPU runtime compiled models call -------*- C -*-===//
 *
 * Code from the CUDA pipeline (gpu-to-llvm) calls MLIR's `mgpu*` functions
 * to load its kernels, launch them and manage GPU memory. Debian ships no
 * libmlir_cuda_runtime, and an artifact must not link against CUDA: symc
 * implements them over the CUDA driver API, which it loads with dlopen
 * ("libcuda.so.1", or $SYMC_CUDA_DRIVER) on first use. A process without a
 * driver or a device loads and runs CPU models as before; a GPU model's run
 * fails with a message saying what is missing.
 *
 * A run is bracketed: symcGpuBeginRun() before the entry (it refuses to run
 * when the driver, the device or a kernel module failed), symcGpuEndRun()
 * after it (it waits for the device and reports the run's first CUDA
 * error). After an error, the rest of the run launches nothing.
 *
 * $SYMC_CUDA_DEVICE picks the device ordinal (default 0).
 *
 *===----------------------------------------------------------------------===*/

#ifndef SYMC_RUNTIME_CUDARUNTIME_H
#define SYMC_RUNTIME_CUDARUNTIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* NULL when the GPU is ready to run, else why not (no driver, no device, a
 * kernel module the driver refused). Clears this thread's run error. */
const char *symcGpuBeginRun(void);
/* Waits for the device; NULL when this thread's run had no CUDA error,
 * else the first error's message. */
const char *symcGpuEndRun(void);
/* The device's name, or NULL when no GPU is usable. */
const char *symcGpuDeviceName(void);

/* A GPU-accessible copy of `bytes` bytes of constant host data, made on the
 * first call for `host` (symc-gpu-upload-constants). */
void *symcGpuConstant(const void *host, int64_t bytes);
/* Frees the GPU copy of `host` (before the host data goes away: the next
 * data at that address must not find it). */
void symcGpuReleaseConstant(const void *host);

/* The functions gpu-to-llvm's lowering calls (MLIR 22 signatures). */
void *mgpuModuleLoad(void *data, size_t size);
void *mgpuModuleLoadJIT(void *ptx, int optLevel);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);
void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t paramsCount);
void *mgpuStreamCreate(void);
void mgpuStreamDestroy(void *stream);
void mgpuStreamSynchronize(void *stream);
void mgpuStreamWaitEvent(void *stream, void *event);
void *mgpuEventCreate(void);
void mgpuEventDestroy(void *event);
void mgpuEventSynchronize(void *event);
void mgpuEventRecord(void *event, void *stream);
void *mgpuMemAlloc(uint64_t bytes, void *stream, bool isHostShared);
void mgpuMemFree(void *ptr, void *stream);
void mgpuMemcpy(void *dst, void *src, size_t bytes, void *stream);
void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream);
void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream);

#ifdef __cplusplus
}
#endif

#endif /* SYMC_RUNTIME_CUDARUNTIME_H */
