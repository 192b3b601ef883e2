/* Runs any model compiled by sym-compile: the inputs from .npy files in
 * order, the outputs to .npy files. Built with -DMODEL=<name> and
 * -DMODEL_HEADER='"<name>.h"' (and -DMODEL_EXTERNAL_WEIGHTS for a model
 * compiled with --weights=external):
 *   run_model [--params file.params] [--runs N] in0.npy ... --out out0.npy ...
 * With --runs, runs once to warm up, then N times, and prints the median
 * and the fastest run's milliseconds.                                   */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c99 */
#include MODEL_HEADER
#include "npy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define FN(suffix) CAT(MODEL, suffix)

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  symc_tensor inputs[64], outputs[64];
  npy_array arrays[64];
  const char *out_paths[64];
  size_t num_in = 0, num_out = 0, i, j;
  int outs = 0, runs = 0, r;
  const char *params = NULL;
  double *times = NULL;
  FN(_model) *model = NULL;
  symc_status status;

  for (i = 1; i < (size_t)argc; ++i) {
    if (strcmp(argv[i], "--params") == 0 && i + 1 < (size_t)argc) {
      params = argv[++i];
      continue;
    }
    if (strcmp(argv[i], "--runs") == 0 && i + 1 < (size_t)argc) {
      runs = atoi(argv[++i]);
      continue;
    }
    if (strcmp(argv[i], "--out") == 0) {
      outs = 1;
      continue;
    }
    if (outs) {
      if (num_out == 64)
        return 2;
      out_paths[num_out++] = argv[i];
      continue;
    }
    if (num_in == 64 || npy_read(argv[i], &arrays[num_in]) != 0)
      return 2;
    inputs[num_in].data = arrays[num_in].data;
    inputs[num_in].dtype = arrays[num_in].dtype;
    inputs[num_in].rank = arrays[num_in].rank;
    inputs[num_in].shape = arrays[num_in].shape;
    inputs[num_in].strides = NULL;
    ++num_in;
  }
  for (i = 0; i < num_out; ++i) {
    size_t count = 1;
    for (j = 0; j < (size_t)FN(_output_ranks)[i]; ++j)
      count *= (size_t)FN(_output_shapes)[i][j];
    outputs[i].data = malloc(count * npy_dtype_size(FN(_output_dtypes)[i]) + 1);
    outputs[i].dtype = FN(_output_dtypes)[i];
    outputs[i].rank = FN(_output_ranks)[i];
    outputs[i].shape = FN(_output_shapes)[i];
    outputs[i].strides = NULL;
  }
#ifdef MODEL_EXTERNAL_WEIGHTS
  status = FN(_create)(&model, params);
#else
  (void)params;
  status = FN(_create)(&model);
#endif
  if (status == SYMC_OK)
    status = FN(_run)(model, inputs, num_in, outputs, num_out);
  if (status == SYMC_OK && runs > 0) {
    times = (double *)malloc(sizeof(double) * (size_t)runs);
    for (r = 0; r < runs && status == SYMC_OK; ++r) {
      double start = now_ms();
      status = FN(_run)(model, inputs, num_in, outputs, num_out);
      times[r] = now_ms() - start;
    }
    if (status == SYMC_OK) {
      qsort(times, (size_t)runs, sizeof(double), compare_doubles);
      printf("runs %d median_ms %.4f min_ms %.4f\n", runs, times[runs / 2], times[0]);
    }
    free(times);
  }
  if (status != SYMC_OK) {
    fprintf(stderr, "error: %s: %s\n", symc_status_string(status),
            FN(_error_message)(model));
    return 1;
  }
  for (i = 0; i < num_out; ++i)
    if (npy_write(out_paths[i], outputs[i].data, outputs[i].dtype, outputs[i].rank,
                  outputs[i].shape) != 0)
      return 1;
  FN(_destroy)(model);
  for (i = 0; i < num_in; ++i)
    free(arrays[i].data);
  for (i = 0; i < num_out; ++i)
    free(outputs[i].data);
  return 0;
}
