/*===- Kernels.h - runtime kernels that compiled models call -----*- C -*-===//
 *
 * Ops whose MXNet semantics are inherently sequential (sorting, greedy
 * non-maximum suppression) lower to a call of one of these kernels rather
 * than to linalg. They are plain C-ABI functions over MLIR's strided memref
 * descriptors (the `llvm.emit_c_interface` convention, hence the
 * `_mlir_ciface_` prefix), with no dependency on MLIR or LLVM: the JIT
 * registers them with its symbol table and AOT artifacts link them in.
 *
 * Every kernel writes its outputs (the first arguments) completely, reads
 * its inputs only, and keeps no state, so concurrent calls on distinct
 * buffers are safe.
 *
 *===----------------------------------------------------------------------===*/

#ifndef SYMC_RUNTIME_KERNELS_H
#define SYMC_RUNTIME_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A rank-3 float32 memref as MLIR passes it to C. */
typedef struct {
  float *allocated;
  float *aligned;
  int64_t offset;
  int64_t sizes[3];
  int64_t strides[3];
} SymcMemRef3F32;

/* A rank-3 int64 memref. */
typedef struct {
  int64_t *allocated;
  int64_t *aligned;
  int64_t offset;
  int64_t sizes[3];
  int64_t strides[3];
} SymcMemRef3I64;

/* An unranked memref: its rank and a pointer to the ranked descriptor. */
typedef struct {
  int64_t rank;
  void *descriptor;
} SymcUnrankedMemRef;

/* memref.copy of non-contiguous buffers (MLIR's C runner utils name):
 * copies every element of src into dst, both of the same shape. */
void memrefCopy(int64_t elemSize, SymcUnrankedMemRef *src,
                SymcUnrankedMemRef *dst);

/* topk / sort / argsort along the middle axis of data (outer, n, inner):
 * the first k = values->sizes[1] entries in ascending or descending order
 * and their positions. Ties keep their input order (a stable sort). */
void _mlir_ciface_symc_topk_f32(SymcMemRef3F32 *values,
                                SymcMemRef3I64 *indices,
                                SymcMemRef3F32 *data, int32_t isAscend);

/* _histogram over the values of data (1, n, 1): counts (1, bins, 1) and
 * edges (1, bins + 1, 1). The uniform form computes the edges of bins
 * equal bins over [min, max]; the other copies the given edges. Binning
 * follows MXNet's ComputeBinKernel exactly (values equal to an edge go to
 * the bin it starts, the last edge to the last bin, others are skipped). */
void _mlir_ciface_symc_histogram_uniform_f32(SymcMemRef3I64 *counts,
                                             SymcMemRef3F32 *edges,
                                             SymcMemRef3F32 *data, double min,
                                             double max);
void _mlir_ciface_symc_histogram_f32(SymcMemRef3I64 *counts,
                                     SymcMemRef3F32 *edgesOut,
                                     SymcMemRef3F32 *data,
                                     SymcMemRef3F32 *edges);

/* lgamma without glibc's global `signgam` (thread-safe, lgamma_r). */
float symc_lgamma_f32(float x);
double symc_lgamma_f64(double x);

/* erfinv as MXNet computes it (Cephes ndtri, in double). */
float symc_erfinv_f32(float x);
double symc_erfinv_f64(double x);

/* _contrib_MultiBoxDetection (MXNet 1.9.1, src/operator/contrib/
 * multibox_detection.cc): out (B, N, 6) from cls_prob (B, C, N), loc_pred
 * viewed as (B, N, 4) and anchors viewed as (1, N, 4). */
void _mlir_ciface_symc_multibox_detection_f32(
    SymcMemRef3F32 *out, SymcMemRef3F32 *clsProb, SymcMemRef3F32 *locPred,
    SymcMemRef3F32 *anchors, int32_t clip, float threshold,
    float nmsThreshold, int32_t forceSuppress, float variance0,
    float variance1, float variance2, float variance3, int64_t nmsTopk);

/* _contrib_box_nms (src/operator/contrib/bounding_box-inl.h): out and the
 * hidden record (B, N, 1) from data viewed as (B, N, K). Formats: 0 corner,
 * 1 center. */
void _mlir_ciface_symc_box_nms_f32(
    SymcMemRef3F32 *out, SymcMemRef3F32 *record, SymcMemRef3F32 *data,
    float overlapThresh, float validThresh, int64_t topk, int64_t coordStart,
    int64_t scoreIndex, int64_t idIndex, int64_t backgroundId,
    int32_t forceSuppress, int32_t inFormat, int32_t outFormat);

#ifdef __cplusplus
}
#endif

#endif /* SYMC_RUNTIME_KERNELS_H */
