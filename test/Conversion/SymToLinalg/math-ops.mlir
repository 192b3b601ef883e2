// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Unary math ops lower to one elementwise linalg.generic with MXNet's formula
// in the body.
// Static types are MXNet 1.9.1's inferred shapes and dtypes.

// CHECK-LABEL: func @abs(
// CHECK: linalg.generic
// CHECK: math.absf %{{.*}} : f32
func.func @abs(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.abs %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @sign(
// CHECK: linalg.generic
// CHECK: arith.constant -1.000000e+00 : f32
// CHECK: arith.cmpf olt
// CHECK: arith.select
// CHECK: arith.constant 1.000000e+00 : f32
// CHECK: arith.cmpf ogt
// CHECK: arith.select
func.func @sign(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.sign %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @ceil(
// CHECK: linalg.generic
// CHECK: math.ceil %{{.*}} : f32
func.func @ceil(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.ceil %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @floor(
// CHECK: linalg.generic
// CHECK: math.floor %{{.*}} : f32
func.func @floor(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.floor %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @round(
// CHECK: linalg.generic
// CHECK: math.round %{{.*}} : f32
func.func @round(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.round %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @rint(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: math.floor %[[IN]]
// CHECK: math.ceil %[[IN]]
// CHECK: arith.cmpf ole
// CHECK: arith.select
func.func @rint(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.rint %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @fix(
// CHECK: linalg.generic
// CHECK: math.trunc %{{.*}} : f32
func.func @fix(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.fix %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @trunc(
// CHECK: linalg.generic
// CHECK: math.trunc %{{.*}} : f32
func.func @trunc(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.trunc %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @sqrt(
// CHECK: linalg.generic
// CHECK: math.sqrt %{{.*}} : f32
func.func @sqrt(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.sqrt %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @rsqrt(
// CHECK: linalg.generic
// CHECK: math.rsqrt %{{.*}} : f32
func.func @rsqrt(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.rsqrt %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @cbrt(
// CHECK: linalg.generic
// CHECK: math.cbrt %{{.*}} : f32
func.func @cbrt(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.cbrt %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @rcbrt(
// CHECK: linalg.generic
// CHECK: %[[C:.*]] = math.cbrt
// CHECK: arith.constant 1.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[C]] : f32
func.func @rcbrt(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.rcbrt %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @exp(
// CHECK: linalg.generic
// CHECK: math.exp %{{.*}} : f32
func.func @exp(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.exp %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @expm1(
// CHECK: linalg.generic
// CHECK: math.expm1 %{{.*}} : f32
func.func @expm1(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.expm1 %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @log(
// CHECK: linalg.generic
// CHECK: math.log %{{.*}} : f32
func.func @log(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.log %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @log10(
// CHECK: linalg.generic
// CHECK: math.log10 %{{.*}} : f32
func.func @log10(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.log10 %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @log2(
// CHECK: linalg.generic
// CHECK: math.log2 %{{.*}} : f32
func.func @log2(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.log2 %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @log1p(
// CHECK: linalg.generic
// CHECK: math.log1p %{{.*}} : f32
func.func @log1p(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.log1p %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @sin(
// CHECK: linalg.generic
// CHECK: math.sin %{{.*}} : f32
func.func @sin(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.sin %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @cos(
// CHECK: linalg.generic
// CHECK: math.cos %{{.*}} : f32
func.func @cos(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.cos %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @tan(
// CHECK: linalg.generic
// CHECK: math.tan %{{.*}} : f32
func.func @tan(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.tan %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @arcsin(
// CHECK: linalg.generic
// CHECK: math.asin %{{.*}} : f32
func.func @arcsin(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.arcsin %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @arccos(
// CHECK: linalg.generic
// CHECK: math.acos %{{.*}} : f32
func.func @arccos(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.arccos %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @arctan(
// CHECK: linalg.generic
// CHECK: math.atan %{{.*}} : f32
func.func @arctan(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.arctan %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @sinh(
// CHECK: linalg.generic
// CHECK: math.sinh %{{.*}} : f32
func.func @sinh(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.sinh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @cosh(
// CHECK: linalg.generic
// CHECK: math.cosh %{{.*}} : f32
func.func @cosh(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.cosh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @tanh(
// CHECK: linalg.generic
// CHECK: math.tanh %{{.*}} : f32
func.func @tanh(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.tanh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @arcsinh(
// CHECK: linalg.generic
// CHECK: math.asinh %{{.*}} : f32
func.func @arcsinh(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.arcsinh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @arccosh(
// CHECK: linalg.generic
// CHECK: math.acosh %{{.*}} : f32
func.func @arccosh(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.arccosh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @arctanh(
// CHECK: linalg.generic
// CHECK: math.atanh %{{.*}} : f32
func.func @arctanh(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.arctanh %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @degrees(
// CHECK: linalg.generic
// CHECK: %[[K:.*]] = arith.constant 57.2957802 : f32
// CHECK: arith.mulf %{{.*}}, %[[K]] : f32
func.func @degrees(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.degrees %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @radians(
// CHECK: linalg.generic
// CHECK: %[[K:.*]] = arith.constant 0.0174532924 : f32
// CHECK: arith.mulf %{{.*}}, %[[K]] : f32
func.func @radians(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.radians %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @square(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: arith.mulf %[[IN]], %[[IN]] : f32
func.func @square(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.square %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @reciprocal(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: arith.divf %[[ONE]], %[[IN]] : f32
func.func @reciprocal(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.reciprocal %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @negative(
// CHECK: linalg.generic
// CHECK: arith.negf %{{.*}} : f32
func.func @negative(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.negative %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @erf(
// CHECK: linalg.generic
// CHECK: math.erf %{{.*}} : f32
func.func @erf(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.erf %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @sigmoid(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[NEG:.*]] = arith.negf %[[IN]]
// CHECK: math.exp %[[NEG]]
// CHECK: arith.addf
// CHECK: arith.divf
func.func @sigmoid(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.sigmoid %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @relu(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %[[ZERO]]
// CHECK: arith.select %[[GT]], %[[IN]], %[[ZERO]]
func.func @relu(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.relu %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @softsign(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[ABS:.*]] = math.absf %[[IN]]
// CHECK: %[[DEN:.*]] = arith.addf %{{.*}}, %[[ABS]]
// CHECK: arith.divf %[[IN]], %[[DEN]]
func.func @softsign(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.softsign %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_not(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: arith.cmpf oeq, %[[IN]]
// CHECK: arith.select
func.func @logical_not(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.logical_not %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @copy(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]]
func.func @copy(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym._copy %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @BlockGrad(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]]
func.func @BlockGrad(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.BlockGrad %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @make_loss(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3x4xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]]
func.func @make_loss(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.make_loss %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @log_sigmoid(
// CHECK: linalg.generic
// CHECK: math.exp
// CHECK: arith.divf
// CHECK: math.log
func.func @log_sigmoid(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.log_sigmoid %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @mish(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[E:.*]] = math.exp %[[IN]]
// CHECK: %[[SP:.*]] = math.log1p %[[E]]
// CHECK: %[[T:.*]] = math.tanh %[[SP]]
// CHECK: arith.mulf %[[IN]], %[[T]]
func.func @mish(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.mish %x : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @hard_sigmoid(
// CHECK: linalg.generic
// CHECK: arith.constant 3.000000e-01 : f32
// CHECK: arith.mulf
// CHECK: arith.constant 4.000000e-01 : f32
// CHECK: arith.addf
// CHECK: arith.cmpf ogt
// CHECK: arith.select
// CHECK: arith.cmpf olt
// CHECK: arith.select
func.func @hard_sigmoid(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %0 = sym.hard_sigmoid %x {alpha = 3.000000e-01 : f64, beta = 4.000000e-01 : f64} : (tensor<2x5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// CHECK-LABEL: func @smooth_l1(
// CHECK: linalg.generic
// CHECK: math.absf
// CHECK: arith.constant 1.125000e+00 : f32
// CHECK: arith.constant 0.222222224 : f32
// CHECK: arith.constant 0.444444448 : f32
// CHECK: arith.cmpf olt
// CHECK: arith.select
func.func @smooth_l1(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.smooth_l1 %x {scalar = 1.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @clip(
// CHECK: linalg.generic
// CHECK: arith.constant -5.000000e-01 : f32
// CHECK: arith.constant 0.699999988 : f32
// CHECK: arith.cmpf ogt
// CHECK: arith.select
// CHECK: arith.cmpf olt
// CHECK: arith.select
func.func @clip(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.clip %x {a_max = 0.69999999999999996 : f64, a_min = -5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @zeros_like(
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
func.func @zeros_like(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = sym.zeros_like %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @ones_like(
// CHECK: %[[O:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.fill ins(%[[O]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
func.func @ones_like(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = sym.ones_like %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK: func.func private @symc_erfinv_f32(f32) -> f32
// CHECK-LABEL: func @erfinv(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: func.call @symc_erfinv_f32(%[[IN]]) : (f32) -> f32
func.func @erfinv(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.erfinv %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK: func.func private @tgammaf(f32) -> f32
// CHECK-LABEL: func @gamma(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: func.call @tgammaf(%[[IN]]) : (f32) -> f32
func.func @gamma(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.gamma %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// gammaln calls the runtime's reentrant lgamma (lgammaf_r).
// CHECK: func.func private @symc_lgamma_f32(f32) -> f32
// CHECK-LABEL: func @gammaln(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: func.call @symc_lgamma_f32(%[[IN]]) : (f32) -> f32
func.func @gammaln(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.gammaln %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @make_loss_legacy(
// CHECK-SAME: %[[X:[^:]*]]: tensor<2x3xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]]
func.func @make_loss_legacy(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = sym.MakeLoss %x {grad_scale = 2.000000e+00 : f64} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
