/* Concurrency and leak checks of a c_predict_api library built by
 * sym-compile --c-predict-api (input "data", float32, one output).
 *
 *   predict_stress threads model-symbol.json model.params input.npy
 *     4 threads, each with its own predictor, run 25 forwards and compare
 *     every output with a single-threaded reference (run under TSan).
 *   predict_stress reshape model-symbol.json model.params input.npy
 *     1000 MXPredReshape/MXPredFree cycles; fails if the resident set grows
 *     by more than 1 MiB between iteration 100 and 1000. */
#include "c_predict_api.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *json, *params;
static long json_size, params_size;
static float *input, *reference;
static mx_uint shape[8], ndim, input_size, output_size;

static char *read_file(const char *path, long *size) {
  FILE *f = fopen(path, "rb");
  char *data;
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  *size = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = malloc((size_t)*size + 1);
  if (fread(data, 1, (size_t)*size, f) != (size_t)*size) {
    free(data);
    data = NULL;
  }
  fclose(f);
  return data;
}

static int load_input(const char *path) {
  long size;
  char *file = read_file(path, &size), *p;
  unsigned header;
  if (!file)
    return -1;
  header = (unsigned char)file[8] | ((unsigned char)file[9] << 8);
  p = strstr(file + 10, "'shape': (") + strlen("'shape': (");
  input_size = 1;
  while (*p != ')' && ndim < 8) {
    shape[ndim++] = (mx_uint)strtoul(p, &p, 10);
    input_size *= shape[ndim - 1];
    while (*p == ',' || *p == ' ')
      ++p;
  }
  input = malloc(input_size * sizeof(float));
  memcpy(input, file + 10 + header, input_size * sizeof(float));
  free(file);
  return 0;
}

static PredictorHandle create(void) {
  const char *keys[1] = {"data"};
  mx_uint indptr[2] = {0, ndim};
  PredictorHandle pred = NULL;
  if (MXPredCreate(json, params, (int)params_size, 1, 0, 1, keys, indptr, shape, &pred) != 0) {
    fprintf(stderr, "MXPredCreate: %s\n", MXGetLastError());
    exit(1);
  }
  return pred;
}

static int forward(PredictorHandle pred, float *out) {
  return MXPredSetInput(pred, "data", input, input_size) || MXPredForward(pred) ||
         MXPredGetOutput(pred, 0, out, output_size);
}

static void *worker(void *arg) {
  PredictorHandle pred = create();
  float *out = malloc(output_size * sizeof(float));
  int i, *failures = (int *)arg;
  for (i = 0; i < 25; ++i)
    if (forward(pred, out) != 0 || memcmp(out, reference, output_size * sizeof(float)) != 0)
      ++*failures;
  MXPredFree(pred);
  free(out);
  return NULL;
}

static long resident_kib(void) {
  long pages = 0, resident = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (f) {
    if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
      resident = 0;
    fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

int main(int argc, char **argv) {
  PredictorHandle pred;
  mx_uint *out_shape, out_ndim, i;
  if (argc != 5 || !(json = read_file(argv[2], &json_size)) ||
      !(params = read_file(argv[3], &params_size)) || load_input(argv[4]) != 0) {
    fprintf(stderr, "usage: %s threads|reshape symbol.json model.params input.npy\n", argv[0]);
    return 2;
  }
  pred = create();
  MXPredGetOutputShape(pred, 0, &out_shape, &out_ndim);
  output_size = 1;
  for (i = 0; i < out_ndim; ++i)
    output_size *= out_shape[i];
  reference = malloc(output_size * sizeof(float));
  if (forward(pred, reference) != 0) {
    fprintf(stderr, "forward: %s\n", MXGetLastError());
    return 1;
  }
  if (strcmp(argv[1], "threads") == 0) {
    pthread_t threads[4];
    int failures[4] = {0, 0, 0, 0}, t, total = 0;
    for (t = 0; t < 4; ++t)
      pthread_create(&threads[t], NULL, worker, &failures[t]);
    for (t = 0; t < 4; ++t) {
      pthread_join(threads[t], NULL);
      total += failures[t];
    }
    printf("4 threads x 25 runs: %d mismatches\n", total);
    MXPredFree(pred);
    return total != 0;
  }
  {
    const char *keys[1] = {"data"};
    mx_uint indptr[2] = {0, ndim};
    long at100 = 0, at1000;
    for (i = 1; i <= 1000; ++i) {
      PredictorHandle next;
      if (MXPredReshape(1, keys, indptr, shape, pred, &next) != 0) {
        fprintf(stderr, "MXPredReshape: %s\n", MXGetLastError());
        return 1;
      }
      MXPredFree(pred);
      pred = next;
      if (forward(pred, reference) != 0)
        return 1;
      if (i == 100)
        at100 = resident_kib();
    }
    at1000 = resident_kib();
    printf("1000 reshapes: resident %ld KiB at 100, %ld KiB at 1000 (growth %ld KiB)\n",
           at100, at1000, at1000 - at100);
    MXPredFree(pred);
    return at1000 - at100 > 1024;
  }
}
