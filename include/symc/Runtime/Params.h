/*===- Params.h - MXNet .params files for compiled models --------*- C -*-===//
 *
 * Used by the generated wrappers of models compiled with
 * --weights=external (and by their MXNet c_predict_api entry points): a
 * parsed NDArray list, looked up by name with its dtype and shape checked.
 * Part of the artifact's runtime, not of its public ABI.
 *
 *===----------------------------------------------------------------------===*/

#ifndef SYMC_RUNTIME_PARAMS_H
#define SYMC_RUNTIME_PARAMS_H

#include "symc_runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct symc_params symc_params;

/* Parses an MXNet NDArray list (all record versions); names lose their
 * arg:/aux: prefix. On failure writes a message into `error`. */
symc_status symc_params_parse(const void *bytes, size_t size,
                              symc_params **out, char *error,
                              size_t error_size);

/* The data of array `name`, or NULL (with a message) when it is missing or
 * its dtype or shape differ. Owned by `params`. */
const void *symc_params_find(const symc_params *params, const char *name,
                             int32_t dtype, int32_t rank, const int64_t *shape,
                             char *error, size_t error_size);

void symc_params_free(symc_params *params);

/* Reads a whole file into a malloc'ed buffer (free it with free). */
symc_status symc_read_file(const char *path, void **bytes, size_t *size,
                           char *error, size_t error_size);

#ifdef __cplusplus
}
#endif

#endif
