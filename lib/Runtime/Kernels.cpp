//===- Kernels.cpp - runtime kernels that compiled models call ------------===//
//
// Reimplementations of MXNet 1.9.1's CPU code for the ops listed in
// Kernels.h, following its order of operations (float32 arithmetic, stable
// sorts, the same comparison operators) so that results match bit for bit.
// Standard C++ only: this library is linked into AOT artifacts.
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/Kernels.h"

#include <algorithm>
#include <cmath>
#include <math.h> // lgamma_r, lgammaf_r (POSIX)
#include <cstring>
#include <limits>
#include <numeric>
#include <vector>

namespace {

/// Element (i, j, k) of a rank-3 memref.
inline float &at(SymcMemRef3F32 *m, int64_t i, int64_t j, int64_t k) {
  return m->aligned[m->offset + i * m->strides[0] + j * m->strides[1] +
                    k * m->strides[2]];
}

//===----------------------------------------------------------------------===//
// MultiBoxDetection
//===----------------------------------------------------------------------===//

/// TransformLocations: decodes (px, py, pw, ph) against a corner anchor.
void decodeBox(float *out, const float *anchor, const float *loc, bool clip,
               const float variances[4]) {
  float al = anchor[0], at = anchor[1], ar = anchor[2], ab = anchor[3];
  float aw = ar - al, ah = ab - at;
  float ax = (al + ar) / 2.f, ay = (at + ab) / 2.f;
  float ox = loc[0] * variances[0] * aw + ax;
  float oy = loc[1] * variances[1] * ah + ay;
  float ow = std::exp(loc[2] * variances[2]) * aw / 2;
  float oh = std::exp(loc[3] * variances[3]) * ah / 2;
  float box[4] = {ox - ow, oy - oh, ox + ow, oy + oh};
  for (int i = 0; i < 4; ++i)
    out[i] = clip ? std::max(0.f, std::min(1.f, box[i])) : box[i];
}

/// CalculateOverlap: IoU of corner boxes, no +1, 0 for an empty union.
float cornerIoU(const float *a, const float *b) {
  float w = std::max(0.f, std::min(a[2], b[2]) - std::max(a[0], b[0]));
  float h = std::max(0.f, std::min(a[3], b[3]) - std::max(a[1], b[1]));
  float i = w * h;
  float u = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - i;
  return u <= 0.f ? 0.f : i / u;
}

struct DetectionParams {
  bool clip;
  float threshold, nmsThreshold;
  bool forceSuppress;
  float variances[4];
  int64_t nmsTopk;
};

/// One batch: rows (N, 6) of [class id, score, xmin, ymin, xmax, ymax].
void detectBatch(float *rows, SymcMemRef3F32 *cls, SymcMemRef3F32 *loc,
                 SymcMemRef3F32 *anchors, int64_t batch,
                 const DetectionParams &p) {
  int64_t numClasses = cls->sizes[1], numAnchors = cls->sizes[2];
  // Per anchor: the best foreground class (class 0 is the background) and
  // the decoded box, invalid (id -1) under the threshold.
  std::vector<float> decoded(numAnchors * 6);
  for (int64_t i = 0; i < numAnchors; ++i) {
    float score = -1;
    int id = 0;
    for (int64_t j = 1; j < numClasses; ++j) {
      float value = at(cls, batch, j, i);
      if (value > score) {
        score = value;
        id = (int)j;
      }
    }
    if (id > 0 && score < p.threshold)
      id = 0;
    float *row = &decoded[i * 6];
    row[0] = float(id - 1);
    row[1] = score;
    float anchor[4], offsets[4];
    for (int k = 0; k < 4; ++k) {
      anchor[k] = at(anchors, 0, i, k);
      offsets[k] = at(loc, batch, i, k);
    }
    decodeBox(row + 2, anchor, offsets, p.clip, p.variances);
  }
  // Valid rows move to the front in anchor order; the rest stay -1.
  std::fill(rows, rows + numAnchors * 6, -1.f);
  int64_t validCount = 0;
  for (int64_t i = 0; i < numAnchors; ++i)
    if (decoded[i * 6] >= 0)
      std::memcpy(rows + 6 * validCount++, &decoded[i * 6], 6 * sizeof(float));
  if (validCount < 1 || p.nmsThreshold <= 0 || p.nmsThreshold > 1)
    return;

  // Stable sort by descending score; beyond nms_topk only the id becomes
  // -1 (the row keeps what was there, as MXNet does).
  std::vector<float> compacted(rows, rows + validCount * 6);
  std::vector<int64_t> order(validCount);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return compacted[a * 6 + 1] > compacted[b * 6 + 1];
  });
  int64_t keep = validCount;
  if (p.nmsTopk > 0 && p.nmsTopk < keep) {
    keep = p.nmsTopk;
    for (int64_t i = keep; i < validCount; ++i)
      rows[i * 6] = -1;
  }
  for (int64_t i = 0; i < keep; ++i)
    std::memcpy(rows + i * 6, &compacted[order[i] * 6], 6 * sizeof(float));

  // Greedy NMS in score order: suppressed rows only get id -1.
  for (int64_t i = 0; i < keep; ++i) {
    if (rows[i * 6] < 0)
      continue;
    for (int64_t j = i + 1; j < keep; ++j) {
      if (rows[j * 6] < 0)
        continue;
      if (p.forceSuppress || rows[i * 6] == rows[j * 6]) {
        if (cornerIoU(rows + i * 6 + 2, rows + j * 6 + 2) >= p.nmsThreshold)
          rows[j * 6] = -1;
      }
    }
  }
}

//===----------------------------------------------------------------------===//
// box_nms
//===----------------------------------------------------------------------===//

/// Overlap of [a1, a2] and [b1, b2] on one axis (corner), or of the
/// intervals centred at a1/b1 with widths a2/b2 (center).
float intersect1D(float a1, float a2, float b1, float b2, bool center) {
  float left, right;
  if (!center) {
    left = a1 > b1 ? a1 : b1;
    right = a2 < b2 ? a2 : b2;
  } else {
    float aw = a2 / 2, bw = b2 / 2;
    float al = a1 - aw, ar = a1 + aw, bl = b1 - bw, br = b1 + bw;
    left = bl > al ? bl : al;
    right = br < ar ? br : ar;
  }
  float w = right - left;
  return w > 0 ? w : 0.f;
}

float boxArea(const float *box, bool center) {
  float width = center ? box[2] : box[2] - box[0];
  float height = center ? box[3] : box[3] - box[1];
  return (width < 0 || height < 0) ? 0.f : width * height;
}

struct NMSParams {
  float overlapThresh, validThresh;
  int64_t topk, coordStart, scoreIndex, idIndex, backgroundId;
  bool forceSuppress, inCenter, outCenter;
};

/// Rewrites the 4 coordinates of a row between corner and center format;
/// like MXNet it skips rows whose first coordinate is negative.
void convertFormat(float *coords, bool toCenter) {
  if (coords[0] < 0)
    return;
  float a = coords[0], b = coords[1], c = coords[2], d = coords[3];
  if (toCenter) {
    coords[0] = (a + c) / 2;
    coords[1] = (b + d) / 2;
    coords[2] = c - a;
    coords[3] = d - b;
  } else {
    float w = c / 2, h = d / 2;
    coords[0] = a - w;
    coords[1] = b - h;
    coords[2] = a + w;
    coords[3] = b + h;
  }
}

//===----------------------------------------------------------------------===//
// erfinv
//===----------------------------------------------------------------------===//

/// c[0] x^n + ... + c[n] (Horner).
double polynomial(double x, const double *c, int n) {
  double result = c[0];
  for (int i = 1; i <= n; ++i)
    result = result * x + c[i];
  return result;
}
/// x^n + c[0] x^(n-1) + ... + c[n-1]: a polynomial with leading 1.
double monicPolynomial(double x, const double *c, int n) {
  double result = x + c[0];
  for (int i = 1; i < n; ++i)
    result = result * x + c[i];
  return result;
}

/// The inverse of the standard normal CDF for 0 < y < 1: Cephes ndtri,
/// with its rational approximations on three ranges.
double inverseNormalCDF(double y) {
  static const double p0[5] = {-5.99633501014107895267E1, 9.80010754185999661536E1,
                               -5.66762857469070293439E1, 1.39312609387279679503E1,
                               -1.23916583867381258016E0};
  static const double q0[8] = {1.95448858338141759834E0,  4.67627912898881538453E0,
                               8.63602421390890590575E1,  -2.25462687854119370527E2,
                               2.00260212380060660359E2,  -8.20372256168333339912E1,
                               1.59056225126211695515E1,  -1.18331621121330003142E0};
  static const double p1[9] = {4.05544892305962419923E0,   3.15251094599893866154E1,
                               5.71628192246421288162E1,   4.40805073893200834700E1,
                               1.46849561928858024014E1,   2.18663306850790267539E0,
                               -1.40256079171354495875E-1, -3.50424626827848203418E-2,
                               -8.57456785154685413611E-4};
  static const double q1[8] = {1.57799883256466749731E1,   4.53907635128879210584E1,
                               4.13172038254672030440E1,   1.50425385692907503408E1,
                               2.50464946208309415979E0,   -1.42182922854787788574E-1,
                               -3.80806407691578277194E-2, -9.33259480895457427372E-4};
  static const double p2[9] = {3.23774891776946035970E0,  6.91522889068984211695E0,
                               3.93881025292474443415E0,  1.33303460815807542389E0,
                               2.01485389549179081538E-1, 1.23716634817820021358E-2,
                               3.01581553508235416007E-4, 2.65806974686737550832E-6,
                               6.23974539184983293730E-9};
  static const double q2[8] = {6.02427039364742014255E0,  3.67983563856160859403E0,
                               1.37702099489081330271E0,  2.16236993594496635890E-1,
                               1.34204006088543189037E-2, 3.28014464682127739104E-4,
                               2.89247864745380683936E-6, 6.79019408009981274425E-9};
  const double expMinus2 = 0.13533528323661269189; // exp(-2)
  bool negate = true;
  if (y > 1.0 - expMinus2) {
    y = 1.0 - y;
    negate = false;
  }
  if (y > expMinus2) { // |y - 0.5| <= 3/8
    y -= 0.5;
    double y2 = y * y;
    double x = y + y * (y2 * polynomial(y2, p0, 4) / monicPolynomial(y2, q0, 8));
    return x * 2.50662827463100050242E0; // sqrt(2 pi)
  }
  double x = std::sqrt(-2.0 * std::log(y));
  double x0 = x - std::log(x) / x;
  double z = 1.0 / x;
  double x1 = x < 8.0 ? z * polynomial(z, p1, 8) / monicPolynomial(z, q1, 8)
                      : z * polynomial(z, p2, 8) / monicPolynomial(z, q2, 8);
  x = x0 - x1;
  return negate ? -x : x;
}

double erfinv(double y) {
  if (-1e-7 < y && y < 1e-7) // the linear term: y * sqrt(pi) / 2
    return y / 1.12837916709551257390; // 2 / sqrt(pi)
  if (-1 < y && y < 1)
    return inverseNormalCDF(0.5 * (y + 1)) * 0.70710678118654752440; // 1/sqrt(2)
  if (y == 1 || y == -1)
    return std::copysign(1.0, y) * std::numeric_limits<double>::infinity();
  return std::numeric_limits<double>::quiet_NaN();
}

} // namespace

extern "C" float symc_lgamma_f32(float x) {
  int sign;
  return lgammaf_r(x, &sign);
}
extern "C" double symc_lgamma_f64(double x) {
  int sign;
  return lgamma_r(x, &sign);
}

extern "C" float symc_erfinv_f32(float x) { return float(erfinv(x)); }
extern "C" double symc_erfinv_f64(double x) { return erfinv(x); }

extern "C" void _mlir_ciface_symc_topk_f32(SymcMemRef3F32 *values,
                                           SymcMemRef3I64 *indices,
                                           SymcMemRef3F32 *data,
                                           int32_t isAscend) {
  int64_t outer = data->sizes[0], n = data->sizes[1], inner = data->sizes[2];
  int64_t k = values->sizes[1];
  std::vector<float> column(n);
  std::vector<int64_t> order(n);
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      for (int64_t j = 0; j < n; ++j)
        column[j] = at(data, o, j, i);
      std::iota(order.begin(), order.end(), 0);
      if (isAscend)
        std::stable_sort(order.begin(), order.end(),
                         [&](int64_t a, int64_t b) { return column[a] < column[b]; });
      else
        std::stable_sort(order.begin(), order.end(),
                         [&](int64_t a, int64_t b) { return column[a] > column[b]; });
      for (int64_t j = 0; j < k; ++j) {
        at(values, o, j, i) = column[order[j]];
        indices->aligned[indices->offset + o * indices->strides[0] +
                         j * indices->strides[1] + i * indices->strides[2]] =
            order[j];
      }
    }
}

namespace {
/// Element i of the middle axis of a (1, n, 1) view.
template <typename MemRef>
auto &middle(MemRef *m, int64_t i) {
  return m->aligned[m->offset + i * m->strides[1]];
}

void clearCounts(SymcMemRef3I64 *counts) {
  for (int64_t b = 0; b < counts->sizes[1]; ++b)
    middle(counts, b) = 0;
}
} // namespace

extern "C" void _mlir_ciface_symc_histogram_uniform_f32(SymcMemRef3I64 *counts,
                                                        SymcMemRef3F32 *edges,
                                                        SymcMemRef3F32 *data,
                                                        double min, double max) {
  int64_t bins = counts->sizes[1];
  // FillBinBoundsKernel: the edges in float, as MXNet stores them.
  for (int64_t i = 0; i <= bins; ++i)
    middle(edges, i) = float((max * i + (bins - i) * min) / bins);
  clearCounts(counts);
  for (int64_t i = 0; i < data->sizes[1]; ++i) {
    float v = middle(data, i);
    if (!(v >= min && v <= max))
      continue;
    // ComputeBinKernel's uniform form: the bin by arithmetic, then nudged
    // by the stored edges.
    int64_t target = int64_t((v - min) * bins / (max - min));
    target = std::min(bins - 1, target);
    target -= v < middle(edges, target) ? 1 : 0;
    target += v >= middle(edges, target + 1) && target != bins - 1 ? 1 : 0;
    if (target >= 0)
      ++middle(counts, target);
  }
}

extern "C" void _mlir_ciface_symc_histogram_f32(SymcMemRef3I64 *counts,
                                                SymcMemRef3F32 *edgesOut,
                                                SymcMemRef3F32 *data,
                                                SymcMemRef3F32 *edges) {
  int64_t bins = counts->sizes[1];
  for (int64_t i = 0; i <= bins; ++i)
    middle(edgesOut, i) = middle(edges, i);
  clearCounts(counts);
  for (int64_t i = 0; i < data->sizes[1]; ++i) {
    float v = middle(data, i);
    if (!(v >= middle(edges, 0) && v <= middle(edges, bins)))
      continue;
    // ComputeBinKernel's search, stopped at the last edge (MXNet reads past
    // it for a value equal to it; either way the value lands in the last
    // bin).
    int64_t target = 0;
    while (target <= bins && v - middle(edges, target) >= 0)
      ++target;
    ++middle(counts, std::min(target - 1, bins - 1));
  }
}

extern "C" void _mlir_ciface_symc_multibox_detection_f32(
    SymcMemRef3F32 *out, SymcMemRef3F32 *clsProb, SymcMemRef3F32 *locPred,
    SymcMemRef3F32 *anchors, int32_t clip, float threshold, float nmsThreshold,
    int32_t forceSuppress, float variance0, float variance1, float variance2,
    float variance3, int64_t nmsTopk) {
  DetectionParams p{clip != 0,
                    threshold,
                    nmsThreshold,
                    forceSuppress != 0,
                    {variance0, variance1, variance2, variance3},
                    nmsTopk};
  int64_t numAnchors = clsProb->sizes[2];
  std::vector<float> rows(numAnchors * 6);
  for (int64_t b = 0; b < clsProb->sizes[0]; ++b) {
    detectBatch(rows.data(), clsProb, locPred, anchors, b, p);
    for (int64_t i = 0; i < numAnchors; ++i)
      for (int64_t k = 0; k < 6; ++k)
        at(out, b, i, k) = rows[i * 6 + k];
  }
}

extern "C" void _mlir_ciface_symc_box_nms_f32(
    SymcMemRef3F32 *out, SymcMemRef3F32 *record, SymcMemRef3F32 *data,
    float overlapThresh, float validThresh, int64_t topk, int64_t coordStart,
    int64_t scoreIndex, int64_t idIndex, int64_t backgroundId,
    int32_t forceSuppress, int32_t inFormat, int32_t outFormat) {
  NMSParams p{overlapThresh, validThresh,  topk,
              coordStart,    scoreIndex,   idIndex,
              backgroundId,  forceSuppress != 0, inFormat == 1,
              outFormat == 1};
  int64_t batches = data->sizes[0], n = data->sizes[1], width = data->sizes[2];
  auto row = [&](int64_t b, int64_t i) {
    std::vector<float> values(width);
    for (int64_t k = 0; k < width; ++k)
      values[k] = at(data, b, i, k);
    return values;
  };
  int64_t keepPerBatch = p.topk < 0 ? n : std::min(n, p.topk);
  if (keepPerBatch < 1) { // topk 0: the input, unchanged
    for (int64_t b = 0; b < batches; ++b)
      for (int64_t i = 0; i < n; ++i) {
        for (int64_t k = 0; k < width; ++k)
          at(out, b, i, k) = at(data, b, i, k);
        at(record, b, i, 0) = float(b * n + i);
      }
    return;
  }
  for (int64_t b = 0; b < batches; ++b) {
    // Valid boxes of this batch by descending score (stable), the first
    // `keepPerBatch` of them taking part.
    std::vector<std::vector<float>> boxes;
    std::vector<int64_t> index, original;
    for (int64_t i = 0; i < n; ++i) {
      std::vector<float> values = row(b, i);
      bool valid = values[p.scoreIndex] > p.validThresh &&
                   (p.idIndex < 0 ||
                    values[p.idIndex] != float(p.backgroundId));
      if (valid) {
        index.push_back((int64_t)boxes.size());
        original.push_back(i);
        boxes.push_back(std::move(values));
      }
    }
    std::stable_sort(index.begin(), index.end(), [&](int64_t x, int64_t y) {
      return boxes[x][p.scoreIndex] > boxes[y][p.scoreIndex];
    });
    if ((int64_t)index.size() > keepPerBatch)
      index.resize(keepPerBatch);
    std::vector<float> areas(index.size());
    for (size_t r = 0; r < index.size(); ++r)
      areas[r] = boxArea(&boxes[index[r]][p.coordStart], p.inCenter);
    std::vector<bool> suppressed(index.size(), false);
    for (size_t r = 0; r < index.size(); ++r) {
      if (suppressed[r])
        continue;
      const std::vector<float> &ref = boxes[index[r]];
      for (size_t q = r + 1; q < index.size(); ++q) {
        if (suppressed[q])
          continue;
        const std::vector<float> &pos = boxes[index[q]];
        if (!p.forceSuppress && p.idIndex >= 0 &&
            int(ref[p.idIndex]) != int(pos[p.idIndex]))
          continue;
        int64_t c = p.coordStart;
        float inter =
            intersect1D(ref[c], ref[c + 2], pos[c], pos[c + 2], p.inCenter);
        inter *= intersect1D(ref[c + 1], ref[c + 3], pos[c + 1], pos[c + 3],
                             p.inCenter);
        float iou = inter / (areas[r] + areas[q] - inter);
        if (iou > p.overlapThresh)
          suppressed[q] = true;
      }
    }
    // Survivors packed at the top in score order; every other row is -1.
    int64_t written = 0;
    for (size_t r = 0; r < index.size(); ++r) {
      if (suppressed[r])
        continue;
      for (int64_t k = 0; k < width; ++k)
        at(out, b, written, k) = boxes[index[r]][k];
      at(record, b, written, 0) = float(b * n + original[index[r]]);
      ++written;
    }
    for (int64_t i = written; i < n; ++i) {
      for (int64_t k = 0; k < width; ++k)
        at(out, b, i, k) = -1.f;
      at(record, b, i, 0) = -1.f;
    }
    if (p.inCenter != p.outCenter)
      for (int64_t i = 0; i < n; ++i) {
        float coords[4];
        for (int k = 0; k < 4; ++k)
          coords[k] = at(out, b, i, p.coordStart + k);
        convertFormat(coords, p.outCenter);
        for (int k = 0; k < 4; ++k)
          at(out, b, i, p.coordStart + k) = coords[k];
      }
  }
}
