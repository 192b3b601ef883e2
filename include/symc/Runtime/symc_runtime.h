/*===- symc_runtime.h - the C ABI of symc's compiled models -------*- C -*-===//
 *
 * `sym-compile` turns an MXNet model into an object file or a shared library
 * that needs neither LLVM, MLIR nor Python. Each artifact comes with a
 * generated header, <name>.h, that includes this file and declares:
 *
 *   symc_status <name>_create(<name>_model **model);
 *       (with --weights=external: <name>_create(<name>_model **model,
 *        const char *params_path), which reads and checks the weights)
 *   symc_status <name>_run(<name>_model *model,
 *                          const symc_tensor *inputs, size_t num_inputs,
 *                          const symc_tensor *outputs, size_t num_outputs);
 *   const char *<name>_error_message(const <name>_model *model);
 *   void <name>_destroy(<name>_model *model);
 *
 * plus the names, dtypes and shapes of the inputs and outputs.
 *
 * Ownership: the caller owns every tensor buffer, inputs and outputs; run
 * reads the inputs and writes the outputs completely, and keeps no pointer
 * to either after it returns. create allocates the model, destroy frees it
 * (NULL is allowed); when create fails, *model is still a handle for
 * <name>_error_message (unless memory ran out): destroy it. The weights are
 * read-only data of the artifact, or (--weights=external) owned by the
 * model from create to destroy.
 *
 * Threads: run keeps no state between calls and never writes the handle,
 * so concurrent runs are safe on distinct handles and on one handle. The
 * message of a failed run is the calling thread's (as errno): read it with
 * <name>_error_message in the thread that ran. create and destroy of
 * distinct handles may run concurrently.
 *
 * Errors: every function returns SYMC_OK or an error code; the handle's
 * message says what was wrong (which tensor, expected and given shape...).
 *
 *===----------------------------------------------------------------------===*/

#ifndef SYMC_RUNTIME_H
#define SYMC_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  SYMC_OK = 0,
  SYMC_ERROR_INVALID_ARGUMENT = 1, /* a tensor does not match the model */
  SYMC_ERROR_OUT_OF_MEMORY = 2,
  SYMC_ERROR_IO = 3,               /* a file could not be read */
  SYMC_ERROR_INTERNAL = 4,
  SYMC_ERROR_DEVICE = 5            /* the GPU is missing or failed */
} symc_status;

/* Element types, numbered as MXNet's (mshadow) type flags. */
typedef enum {
  SYMC_FLOAT32 = 0,
  SYMC_FLOAT64 = 1,
  SYMC_FLOAT16 = 2,
  SYMC_UINT8 = 3,
  SYMC_INT32 = 4,
  SYMC_INT8 = 5,
  SYMC_INT64 = 6,
  SYMC_BOOL = 7,
  SYMC_INT16 = 8,
  SYMC_UINT16 = 9,
  SYMC_UINT32 = 10,
  SYMC_UINT64 = 11,
  SYMC_BFLOAT16 = 12
} symc_dtype;

/* A tensor the caller owns: `rank` extents in `shape`; `strides` (in
 * elements) may be NULL for a dense row-major array, which is also the only
 * layout accepted today. */
typedef struct {
  void *data;
  symc_dtype dtype;
  int32_t rank;
  const int64_t *shape;
  const int64_t *strides;
} symc_tensor;

/* A short description of a status code. */
static inline const char *symc_status_string(symc_status status) {
  switch (status) {
  case SYMC_OK:
    return "ok";
  case SYMC_ERROR_INVALID_ARGUMENT:
    return "invalid argument";
  case SYMC_ERROR_OUT_OF_MEMORY:
    return "out of memory";
  case SYMC_ERROR_IO:
    return "i/o error";
  case SYMC_ERROR_INTERNAL:
    return "internal error";
  case SYMC_ERROR_DEVICE:
    return "device error";
  }
  return "unknown status";
}

#ifdef __cplusplus
}
#endif

#endif /* SYMC_RUNTIME_H */
