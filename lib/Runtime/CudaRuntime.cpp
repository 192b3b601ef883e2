//===- CudaRuntime.cpp - mgpu* over the CUDA driver API, loaded at run time ===//
//
// Declares the few driver types and entry points it uses instead of
// including cuda.h, so that the runtime builds where no CUDA toolkit is
// installed. The entry points are the versioned symbols cuda.h's macros
// name (cuMemAlloc is cuMemAlloc_v2, ...).
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/CudaRuntime.h"

#include <dlfcn.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using CUresult = int;
using CUdevice = int;
using CUcontext = void *;
using CUmodule = void *;
using CUfunction = void *;
using CUstream = void *;
using CUevent = void *;
using CUdeviceptr = unsigned long long;

constexpr int kJitErrorLogBuffer = 5;          // CU_JIT_ERROR_LOG_BUFFER
constexpr int kJitErrorLogBufferSize = 6;      // CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES
constexpr int kJitOptimizationLevel = 7;       // CU_JIT_OPTIMIZATION_LEVEL
constexpr unsigned kMemAttachGlobal = 1;       // CU_MEM_ATTACH_GLOBAL
constexpr unsigned kStreamNonBlocking = 1;     // CU_STREAM_NON_BLOCKING
constexpr unsigned kEventDisableTiming = 2;    // CU_EVENT_DISABLE_TIMING

/// The driver's entry points, resolved once.
struct Driver {
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetName)(char *, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuCtxSynchronize)();
  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleLoadDataEx)(CUmodule *, const void *, unsigned, int *, void **);
  CUresult (*cuModuleUnload)(CUmodule);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                             unsigned, unsigned, unsigned, CUstream, void **, void **);
  CUresult (*cuStreamCreate)(CUstream *, unsigned);
  CUresult (*cuStreamDestroy)(CUstream);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned);
  CUresult (*cuEventCreate)(CUevent *, unsigned);
  CUresult (*cuEventDestroy)(CUevent);
  CUresult (*cuEventSynchronize)(CUevent);
  CUresult (*cuEventRecord)(CUevent, CUstream);
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemAllocManaged)(CUdeviceptr *, size_t, unsigned);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream);
  CUresult (*cuMemsetD32Async)(CUdeviceptr, unsigned, size_t, CUstream);
  CUresult (*cuMemsetD16Async)(CUdeviceptr, unsigned short, size_t, CUstream);

  CUcontext context = nullptr;
  std::string deviceName;
  /// Why the GPU cannot be used; empty when it can.
  std::string unusable;
};

template <typename F> bool resolve(void *library, const char *name, F &slot) {
  slot = reinterpret_cast<F>(dlsym(library, name));
  return slot != nullptr;
}

std::string describe(const Driver &d, CUresult result) {
  const char *name = nullptr, *text = nullptr;
  if (d.cuGetErrorName)
    d.cuGetErrorName(result, &name);
  if (d.cuGetErrorString)
    d.cuGetErrorString(result, &text);
  // The toolkit's stub library answers even these with an error.
  if (!name && result == 34)
    name = "CUDA_ERROR_STUB_LIBRARY (a stub libcuda, not a driver)";
  if (!name && result == 100)
    name = "CUDA_ERROR_NO_DEVICE";
  std::string message = name ? name : "CUDA error " + std::to_string(result);
  if (text)
    message += std::string(" (") + text + ")";
  return message;
}

void load(Driver &d) {
  const char *path = std::getenv("SYMC_CUDA_DRIVER");
  if (!path || !*path)
    path = "libcuda.so.1";
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *why = dlerror();
    d.unusable = std::string("no CUDA driver: cannot load ") + path + ": " +
                 (why ? why : "unknown error");
    return;
  }
#define SYMC_RESOLVE(field, symbol)                                            \
  if (!resolve(library, symbol, d.field)) {                                    \
    d.unusable = std::string("the CUDA driver ") + path + " lacks " + symbol;  \
    return;                                                                    \
  }
  SYMC_RESOLVE(cuInit, "cuInit")
  SYMC_RESOLVE(cuDeviceGetCount, "cuDeviceGetCount")
  SYMC_RESOLVE(cuDeviceGet, "cuDeviceGet")
  SYMC_RESOLVE(cuDeviceGetName, "cuDeviceGetName")
  SYMC_RESOLVE(cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain")
  SYMC_RESOLVE(cuCtxSetCurrent, "cuCtxSetCurrent")
  SYMC_RESOLVE(cuCtxSynchronize, "cuCtxSynchronize")
  SYMC_RESOLVE(cuGetErrorName, "cuGetErrorName")
  SYMC_RESOLVE(cuGetErrorString, "cuGetErrorString")
  SYMC_RESOLVE(cuModuleLoadData, "cuModuleLoadData")
  SYMC_RESOLVE(cuModuleLoadDataEx, "cuModuleLoadDataEx")
  SYMC_RESOLVE(cuModuleUnload, "cuModuleUnload")
  SYMC_RESOLVE(cuModuleGetFunction, "cuModuleGetFunction")
  SYMC_RESOLVE(cuLaunchKernel, "cuLaunchKernel")
  SYMC_RESOLVE(cuStreamCreate, "cuStreamCreate")
  SYMC_RESOLVE(cuStreamDestroy, "cuStreamDestroy_v2")
  SYMC_RESOLVE(cuStreamSynchronize, "cuStreamSynchronize")
  SYMC_RESOLVE(cuStreamWaitEvent, "cuStreamWaitEvent")
  SYMC_RESOLVE(cuEventCreate, "cuEventCreate")
  SYMC_RESOLVE(cuEventDestroy, "cuEventDestroy_v2")
  SYMC_RESOLVE(cuEventSynchronize, "cuEventSynchronize")
  SYMC_RESOLVE(cuEventRecord, "cuEventRecord")
  SYMC_RESOLVE(cuMemAlloc, "cuMemAlloc_v2")
  SYMC_RESOLVE(cuMemAllocManaged, "cuMemAllocManaged")
  SYMC_RESOLVE(cuMemFree, "cuMemFree_v2")
  SYMC_RESOLVE(cuMemcpyAsync, "cuMemcpyAsync")
  SYMC_RESOLVE(cuMemsetD32Async, "cuMemsetD32Async")
  SYMC_RESOLVE(cuMemsetD16Async, "cuMemsetD16Async")
#undef SYMC_RESOLVE

  if (CUresult r = d.cuInit(0)) {
    d.unusable = "cuInit failed: " + describe(d, r);
    return;
  }
  int count = 0;
  if (CUresult r = d.cuDeviceGetCount(&count)) {
    d.unusable = "cuDeviceGetCount failed: " + describe(d, r);
    return;
  }
  const char *ordinalText = std::getenv("SYMC_CUDA_DEVICE");
  int ordinal = ordinalText && *ordinalText ? std::atoi(ordinalText) : 0;
  if (ordinal < 0 || ordinal >= count) {
    d.unusable = "no CUDA device " + std::to_string(ordinal) + " (the driver sees " +
                 std::to_string(count) + ")";
    return;
  }
  CUdevice device;
  char name[256] = {0};
  if (CUresult r = d.cuDeviceGet(&device, ordinal)) {
    d.unusable = "cuDeviceGet failed: " + describe(d, r);
    return;
  }
  d.cuDeviceGetName(name, sizeof name - 1, device);
  d.deviceName = name;
  if (CUresult r = d.cuDevicePrimaryCtxRetain(&d.context, device)) {
    d.unusable = "cannot create a context on " + d.deviceName + ": " + describe(d, r);
    return;
  }
}

Driver &driver() {
  static Driver d;
  static std::once_flag once;
  std::call_once(once, [] { load(d); });
  return d;
}

/// Errors of kernel modules, which load in global constructors before any
/// run: every later run reports them.
std::mutex moduleErrorMutex;
std::string moduleError;

/// The first CUDA error of this thread's current run.
thread_local std::string runError;

/// The driver with its context current on this thread, or null (the error
/// is then recorded) when it cannot be used or this run already failed.
Driver *ready(const char *what) {
  Driver &d = driver();
  if (!d.unusable.empty()) {
    if (runError.empty())
      runError = std::string(what) + ": " + d.unusable;
    return nullptr;
  }
  if (!runError.empty())
    return nullptr;
  d.cuCtxSetCurrent(d.context);
  return &d;
}

/// Records a failed driver call; true when it succeeded.
bool check(Driver &d, CUresult result, const char *what) {
  if (result == 0)
    return true;
  if (runError.empty())
    runError = std::string(what) + " failed: " + describe(d, result);
  return false;
}

/// Each thread launches on a stream of its own, created once (the lowering
/// asks for a stream per launch and destroys it after synchronizing).
CUstream threadStream(Driver &d) {
  thread_local CUstream stream = nullptr;
  if (!stream)
    check(d, d.cuStreamCreate(&stream, kStreamNonBlocking), "cuStreamCreate");
  return stream;
}

/// Freed buffers, kept by kind and size for the next request: a model
/// frees all of its intermediates at the end of a run and asks for the same
/// sizes in the next, and cuMemFree synchronizes the device.
struct BufferCache {
  std::mutex mutex;
  std::multimap<std::pair<bool, size_t>, CUdeviceptr> free;
  std::unordered_map<CUdeviceptr, std::pair<bool, size_t>> live;
  /// Host memory handed out when an allocation failed, so that the host
  /// code of the failing run does not crash before it returns.
  std::unordered_set<void *> hostFallback;
};

BufferCache &buffers() {
  static BufferCache *cache = new BufferCache; // outlives static destructors
  return *cache;
}

} // namespace

extern "C" {

const char *symcGpuBeginRun(void) {
  runError.clear();
  Driver &d = driver();
  if (!d.unusable.empty())
    return d.unusable.c_str();
  {
    std::lock_guard<std::mutex> lock(moduleErrorMutex);
    if (!moduleError.empty()) {
      runError = moduleError;
      return runError.c_str();
    }
  }
  d.cuCtxSetCurrent(d.context);
  return nullptr;
}

const char *symcGpuEndRun(void) {
  Driver &d = driver();
  if (d.unusable.empty() && runError.empty()) {
    d.cuCtxSetCurrent(d.context);
    check(d, d.cuCtxSynchronize(), "the run (cuCtxSynchronize)");
  }
  return runError.empty() ? nullptr : runError.c_str();
}

const char *symcGpuDeviceName(void) {
  Driver &d = driver();
  return d.unusable.empty() ? d.deviceName.c_str() : nullptr;
}

namespace {
/// Host data -> its GPU copy.
struct ConstantCopies {
  std::mutex mutex;
  std::unordered_map<const void *, void *> copies;
};
ConstantCopies &constantCopies() {
  static ConstantCopies *copies = new ConstantCopies; // outlives static destructors
  return *copies;
}
} // namespace

void *symcGpuConstant(const void *host, int64_t bytes) {
  ConstantCopies &constants = constantCopies();
  std::lock_guard<std::mutex> lock(constants.mutex);
  if (auto it = constants.copies.find(host); it != constants.copies.end())
    return it->second;
  Driver *d = ready("uploading a constant");
  if (!d)
    return const_cast<void *>(host);
  // Managed, not device memory: host code around the kernels may read it.
  CUdeviceptr copy = 0;
  if (!check(*d, d->cuMemAllocManaged(&copy, bytes ? bytes : 1, kMemAttachGlobal),
             "cuMemAllocManaged (a constant)"))
    return const_cast<void *>(host);
  std::memcpy(reinterpret_cast<void *>(copy), host, bytes);
  constants.copies[host] = reinterpret_cast<void *>(copy);
  return reinterpret_cast<void *>(copy);
}

void symcGpuReleaseConstant(const void *host) {
  ConstantCopies &constants = constantCopies();
  std::lock_guard<std::mutex> lock(constants.mutex);
  auto it = constants.copies.find(host);
  if (it == constants.copies.end())
    return;
  Driver &d = driver();
  if (d.unusable.empty()) {
    d.cuCtxSetCurrent(d.context);
    d.cuMemFree(reinterpret_cast<CUdeviceptr>(it->second));
  }
  constants.copies.erase(it);
}

void *mgpuModuleLoad(void *data, size_t) {
  Driver *d = ready("loading a kernel module");
  CUmodule module = nullptr;
  if (d && !check(*d, d->cuModuleLoadData(&module, data), "cuModuleLoadData")) {
    std::lock_guard<std::mutex> lock(moduleErrorMutex);
    moduleError = runError;
  }
  runError.clear();
  return module;
}

void *mgpuModuleLoadJIT(void *ptx, int optLevel) {
  Driver *d = ready("loading a kernel module");
  CUmodule module = nullptr;
  if (d) {
    char log[4096] = {0};
    int options[] = {kJitOptimizationLevel, kJitErrorLogBuffer, kJitErrorLogBufferSize};
    void *values[] = {reinterpret_cast<void *>(static_cast<intptr_t>(optLevel)), log,
                      reinterpret_cast<void *>(static_cast<intptr_t>(sizeof log - 1))};
    if (!check(*d, d->cuModuleLoadDataEx(&module, ptx, 3, options, values),
               "compiling the kernels' PTX (cuModuleLoadDataEx)")) {
      std::lock_guard<std::mutex> lock(moduleErrorMutex);
      moduleError = runError + (log[0] ? std::string(": ") + log : "");
    }
  }
  runError.clear();
  return module;
}

void mgpuModuleUnload(void *module) {
  // At exit; the driver may already be gone, and nothing waits for this.
  Driver &d = driver();
  if (module && d.unusable.empty())
    d.cuModuleUnload(module);
}

void *mgpuModuleGetFunction(void *module, const char *name) {
  Driver *d = ready("looking up a kernel");
  CUfunction function = nullptr;
  if (d && module)
    check(*d, d->cuModuleGetFunction(&function, module, name), name);
  return function;
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY, intptr_t gridZ,
                      intptr_t blockX, intptr_t blockY, intptr_t blockZ, int32_t smem,
                      void *stream, void **params, void **extra, size_t) {
  Driver *d = ready("launching a kernel");
  if (!d || !function)
    return;
  check(*d,
        d->cuLaunchKernel(function, gridX, gridY, gridZ, blockX, blockY, blockZ, smem,
                          stream, params, extra),
        "cuLaunchKernel");
}

void *mgpuStreamCreate(void) {
  Driver *d = ready("creating a stream");
  return d ? threadStream(*d) : nullptr;
}

void mgpuStreamDestroy(void *) {} // the thread's stream lives on

void mgpuStreamSynchronize(void *stream) {
  if (Driver *d = ready("synchronizing"))
    check(*d, d->cuStreamSynchronize(stream), "the kernel (cuStreamSynchronize)");
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  if (Driver *d = ready("waiting for an event"))
    check(*d, d->cuStreamWaitEvent(stream, event, 0), "cuStreamWaitEvent");
}

void *mgpuEventCreate(void) {
  CUevent event = nullptr;
  if (Driver *d = ready("creating an event"))
    check(*d, d->cuEventCreate(&event, kEventDisableTiming), "cuEventCreate");
  return event;
}

void mgpuEventDestroy(void *event) {
  if (Driver *d = ready("destroying an event"))
    check(*d, d->cuEventDestroy(event), "cuEventDestroy");
}

void mgpuEventSynchronize(void *event) {
  if (Driver *d = ready("waiting for an event"))
    check(*d, d->cuEventSynchronize(event), "cuEventSynchronize");
}

void mgpuEventRecord(void *event, void *stream) {
  if (Driver *d = ready("recording an event"))
    check(*d, d->cuEventRecord(event, stream), "cuEventRecord");
}

void *mgpuMemAlloc(uint64_t bytes, void *, bool isHostShared) {
  size_t size = bytes ? bytes : 1;
  BufferCache &cache = buffers();
  std::pair<bool, size_t> key{isHostShared, size};
  {
    std::lock_guard<std::mutex> lock(cache.mutex);
    if (auto it = cache.free.find(key); it != cache.free.end()) {
      CUdeviceptr ptr = it->second;
      cache.free.erase(it);
      cache.live[ptr] = key;
      return reinterpret_cast<void *>(ptr);
    }
  }
  CUdeviceptr ptr = 0;
  Driver *d = ready("allocating GPU memory");
  bool allocated =
      d && check(*d,
                 isHostShared ? d->cuMemAllocManaged(&ptr, size, kMemAttachGlobal)
                              : d->cuMemAlloc(&ptr, size),
                 isHostShared ? "cuMemAllocManaged" : "cuMemAlloc");
  std::lock_guard<std::mutex> lock(cache.mutex);
  if (!allocated) {
    void *host = std::calloc(1, size);
    cache.hostFallback.insert(host);
    return host;
  }
  cache.live[ptr] = key;
  return reinterpret_cast<void *>(ptr);
}

void mgpuMemFree(void *ptr, void *) {
  if (!ptr)
    return;
  BufferCache &cache = buffers();
  std::lock_guard<std::mutex> lock(cache.mutex);
  if (cache.hostFallback.erase(ptr)) {
    std::free(ptr);
    return;
  }
  auto device = reinterpret_cast<CUdeviceptr>(ptr);
  auto it = cache.live.find(device);
  if (it == cache.live.end())
    return;
  cache.free.emplace(it->second, device);
  cache.live.erase(it);
}

void mgpuMemcpy(void *dst, void *src, size_t bytes, void *stream) {
  if (Driver *d = ready("copying GPU memory"))
    check(*d,
          d->cuMemcpyAsync(reinterpret_cast<CUdeviceptr>(dst),
                           reinterpret_cast<CUdeviceptr>(src), bytes, stream),
          "cuMemcpyAsync");
}

void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream) {
  if (Driver *d = ready("filling GPU memory"))
    check(*d, d->cuMemsetD32Async(reinterpret_cast<CUdeviceptr>(dst), value, count, stream),
          "cuMemsetD32Async");
}

void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream) {
  if (Driver *d = ready("filling GPU memory"))
    check(*d, d->cuMemsetD16Async(reinterpret_cast<CUdeviceptr>(dst), value, count, stream),
          "cuMemsetD16Async");
}

} // extern "C"
