/* Runs a model through MXNet's C predict API, in the style of MXNet's
 * example/image-classification/predict-cpp: read the symbol and params
 * files, MXPredCreate, MXPredSetInput, MXPredForward, MXPredGetOutput.
 * Written only against c_predict_api.h: it builds unchanged against
 * MXNet's libmxnet.so or against a symc library compiled with
 *   sym-compile model-symbol.json --params model.params \
 *       --input data=1x3x224x224 --c-predict-api -o libmodel.so
 *
 *   predict model-symbol.json model.params input.npy [output.npy]
 *
 * The input is a float32 .npy whose shape is the model's input shape (its
 * key is "data"); the first output goes to output.npy, or is summarized. */
#include "c_predict_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole file, malloc'ed; NULL on failure. */
static char *read_file(const char *path, long *size) {
  FILE *f = fopen(path, "rb");
  char *data;
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  *size = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = (char *)malloc((size_t)*size + 1);
  if (data && fread(data, 1, (size_t)*size, f) != (size_t)*size) {
    free(data);
    data = NULL;
  }
  if (data)
    data[*size] = 0;
  fclose(f);
  return data;
}

/* A float32 .npy: its shape (up to 8 axes) and data. */
static float *read_npy(const char *path, mx_uint *shape, mx_uint *ndim) {
  long size;
  char *file = read_file(path, &size), *p;
  unsigned header;
  float *values;
  size_t count = 1;
  if (!file || size < 10 || memcmp(file, "\x93NUMPY", 6) != 0 || !strstr(file + 10, "'<f4'"))
    return NULL;
  header = (unsigned char)file[8] | ((unsigned char)file[9] << 8);
  p = strstr(file + 10, "'shape': (") + strlen("'shape': (");
  *ndim = 0;
  while (*p != ')' && *ndim < 8) {
    shape[(*ndim)++] = (mx_uint)strtoul(p, &p, 10);
    count *= shape[*ndim - 1];
    while (*p == ',' || *p == ' ')
      ++p;
  }
  values = (float *)malloc(count * sizeof(float));
  memcpy(values, file + 10 + header, count * sizeof(float));
  free(file);
  return values;
}

static void write_npy(const char *path, const float *data, const mx_uint *shape,
                      mx_uint ndim) {
  char header[256], dims[128] = "";
  size_t count = 1, len, i;
  FILE *f = fopen(path, "wb");
  for (i = 0; i < ndim; ++i) {
    char dim[24];
    sprintf(dim, "%u,%s", shape[i], i + 1 < ndim ? " " : "");
    strcat(dims, dim);
    count *= shape[i];
  }
  len = (size_t)sprintf(header, "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }", dims);
  while ((10 + len + 1) % 64)
    header[len++] = ' ';
  header[len++] = '\n';
  fwrite("\x93NUMPY\x01\x00", 1, 8, f);
  fputc((int)(len & 0xff), f);
  fputc((int)(len >> 8), f);
  fwrite(header, 1, len, f);
  fwrite(data, sizeof(float), count, f);
  fclose(f);
}

int main(int argc, char **argv) {
  long json_size, params_size;
  char *json, *params;
  mx_uint shape[8], ndim, *out_shape, out_ndim, i, out_size = 1, best = 0;
  const char *keys[1] = {"data"};
  mx_uint indptr[2] = {0, 0};
  float *input, *output;
  PredictorHandle pred = NULL;

  if (argc < 4) {
    fprintf(stderr, "usage: %s model-symbol.json model.params input.npy [output.npy]\n", argv[0]);
    return 2;
  }
  json = read_file(argv[1], &json_size);
  params = read_file(argv[2], &params_size);
  input = read_npy(argv[3], shape, &ndim);
  if (!json || !params || !input) {
    fprintf(stderr, "cannot read the model files or the input\n");
    return 1;
  }
  indptr[1] = ndim;
  if (MXPredCreate(json, params, (int)params_size, 1, 0, 1, keys, indptr, shape, &pred) != 0) {
    fprintf(stderr, "MXPredCreate: %s\n", MXGetLastError());
    return 1;
  }
  {
    mx_uint count = 1;
    for (i = 0; i < ndim; ++i)
      count *= shape[i];
    if (MXPredSetInput(pred, "data", input, count) != 0 || MXPredForward(pred) != 0 ||
        MXPredGetOutputShape(pred, 0, &out_shape, &out_ndim) != 0) {
      fprintf(stderr, "predict: %s\n", MXGetLastError());
      return 1;
    }
  }
  for (i = 0; i < out_ndim; ++i)
    out_size *= out_shape[i];
  output = (float *)malloc(out_size * sizeof(float));
  if (MXPredGetOutput(pred, 0, output, out_size) != 0) {
    fprintf(stderr, "MXPredGetOutput: %s\n", MXGetLastError());
    return 1;
  }
  for (i = 1; i < out_size; ++i)
    if (output[i] > output[best])
      best = i;
  printf("output 0: %u values, max %.6g at %u\n", out_size, output[best], best);
  if (argc > 4)
    write_npy(argv[4], output, out_shape, out_ndim);
  MXPredFree(pred);
  free(json);
  free(params);
  free(input);
  free(output);
  return 0;
}
