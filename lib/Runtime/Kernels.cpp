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
#include <cstring>
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

} // namespace

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
