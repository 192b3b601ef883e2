/* Minimal .npy reading and writing for the C programs of symc's examples
 * and tests: little-endian, C-ordered arrays of the dtypes symc_runtime.h
 * names. Header-only, C99. */
#ifndef SYMC_TEST_NPY_H
#define SYMC_TEST_NPY_H

#include "symc_runtime.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  void *data;
  symc_dtype dtype;
  int32_t rank;
  int64_t shape[16];
  size_t bytes;
} npy_array;

static const struct {
  const char *descr;
  symc_dtype dtype;
  size_t size;
} npy_dtypes[] = {{"<f4", SYMC_FLOAT32, 4}, {"<f8", SYMC_FLOAT64, 8},
                  {"<f2", SYMC_FLOAT16, 2}, {"|u1", SYMC_UINT8, 1},
                  {"<i4", SYMC_INT32, 4},   {"|i1", SYMC_INT8, 1},
                  {"<i8", SYMC_INT64, 8},   {"|b1", SYMC_BOOL, 1}};

static inline size_t npy_dtype_size(symc_dtype dtype) {
  size_t i;
  for (i = 0; i < sizeof npy_dtypes / sizeof npy_dtypes[0]; ++i)
    if (npy_dtypes[i].dtype == dtype)
      return npy_dtypes[i].size;
  return 0;
}

/* Reads `path`; returns 0 on success, prints a message and returns -1. */
static inline int npy_read(const char *path, npy_array *out) {
  FILE *f = fopen(path, "rb");
  unsigned char preamble[10];
  char header[4096], *p;
  size_t header_len, count = 1, i, element = 0;
  memset(out, 0, sizeof *out);
  if (!f || fread(preamble, 1, 10, f) != 10 ||
      memcmp(preamble, "\x93NUMPY", 6) != 0 || preamble[6] != 1) {
    fprintf(stderr, "%s: not a version-1 .npy file\n", path);
    if (f)
      fclose(f);
    return -1;
  }
  header_len = preamble[8] | (preamble[9] << 8);
  if (header_len >= sizeof header || fread(header, 1, header_len, f) != header_len) {
    fprintf(stderr, "%s: bad header\n", path);
    fclose(f);
    return -1;
  }
  header[header_len] = 0;
  for (i = 0; i < sizeof npy_dtypes / sizeof npy_dtypes[0]; ++i)
    if (strstr(header, npy_dtypes[i].descr)) {
      out->dtype = npy_dtypes[i].dtype;
      element = npy_dtypes[i].size;
    }
  p = strstr(header, "'shape': (");
  if (!element || strstr(header, "'fortran_order': True") || !p) {
    fprintf(stderr, "%s: unsupported dtype or layout\n", path);
    fclose(f);
    return -1;
  }
  p += strlen("'shape': (");
  while (*p && *p != ')' && out->rank < 16) {
    long long d = strtoll(p, &p, 10);
    out->shape[out->rank++] = d;
    count *= (size_t)d;
    while (*p == ',' || *p == ' ')
      ++p;
  }
  out->bytes = count * element;
  out->data = malloc(out->bytes ? out->bytes : 1);
  if (!out->data || fread(out->data, 1, out->bytes, f) != out->bytes) {
    fprintf(stderr, "%s: truncated data\n", path);
    fclose(f);
    return -1;
  }
  fclose(f);
  return 0;
}

/* Writes a C-ordered array as .npy; returns 0 on success. */
static inline int npy_write(const char *path, const void *data, symc_dtype dtype,
                     int32_t rank, const int64_t *shape) {
  char header[512], dims[256] = "";
  const char *descr = NULL;
  size_t i, count = 1, len, element = 0;
  FILE *f;
  for (i = 0; i < sizeof npy_dtypes / sizeof npy_dtypes[0]; ++i)
    if (npy_dtypes[i].dtype == dtype) {
      descr = npy_dtypes[i].descr;
      element = npy_dtypes[i].size;
    }
  if (!descr)
    return -1;
  for (i = 0; i < (size_t)rank; ++i) {
    char dim[32];
    snprintf(dim, sizeof dim, "%lld%s", (long long)shape[i], rank == 1 ? "," : (i + 1 < (size_t)rank ? ", " : ""));
    strcat(dims, dim);
    count *= (size_t)shape[i];
  }
  len = (size_t)snprintf(header, sizeof header,
                         "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }",
                         descr, dims);
  while ((10 + len + 1) % 64)
    header[len++] = ' ';
  header[len++] = '\n';
  f = fopen(path, "wb");
  if (!f)
    return -1;
  fwrite("\x93NUMPY\x01\x00", 1, 8, f);
  fputc((int)(len & 0xff), f);
  fputc((int)(len >> 8), f);
  fwrite(header, 1, len, f);
  fwrite(data, 1, count * element, f);
  return fclose(f);
}

#endif
