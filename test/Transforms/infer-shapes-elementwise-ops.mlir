// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Shape and dtype inference of the elementwise ops: unary math, same-shape
// binary, scalar and broadcasting binary ops.
// Every expected shape and dtype is MXNet 1.9.1's infer_shape / infer_type
// for the same op, attributes and input shapes (arguments that MXNet infers,
// such as weights and labels, are checked too).

// CHECK-LABEL: func @abs(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @abs(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.abs %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sign(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @sign(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sign %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @ceil(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @ceil(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.ceil %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @floor(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @floor(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.floor %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @round(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @round(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.round %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rint(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @rint(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.rint %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @fix(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @fix(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.fix %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @trunc(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @trunc(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.trunc %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sqrt(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @sqrt(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sqrt %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rsqrt(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @rsqrt(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.rsqrt %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @cbrt(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @cbrt(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.cbrt %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rcbrt(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @rcbrt(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.rcbrt %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @exp(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @exp(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.exp %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @expm1(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @expm1(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.expm1 %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @log(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @log(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.log %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @log10(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @log10(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.log10 %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @log2(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @log2(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.log2 %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @log1p(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @log1p(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.log1p %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sin(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @sin(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sin %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @cos(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @cos(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.cos %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @tan(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @tan(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.tan %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arcsin(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @arcsin(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.arcsin %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arccos(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @arccos(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.arccos %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arctan(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @arctan(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.arctan %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sinh(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @sinh(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sinh %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @cosh(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @cosh(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.cosh %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @tanh(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @tanh(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.tanh %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arcsinh(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @arcsinh(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.arcsinh %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arccosh(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @arccosh(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.arccosh %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arctanh(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @arctanh(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.arctanh %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @degrees(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @degrees(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.degrees %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @radians(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @radians(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.radians %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @square(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @square(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.square %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @reciprocal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @reciprocal(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.reciprocal %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @negative(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @negative(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.negative %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @erf(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @erf(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.erf %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sigmoid(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @sigmoid(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sigmoid %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @relu(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @relu(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.relu %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softsign(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @softsign(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.softsign %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_not(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @logical_not(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.logical_not %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @copy(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @copy(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym._copy %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @BlockGrad(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @BlockGrad(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.BlockGrad %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @make_loss(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @make_loss(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.make_loss %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// log_sigmoid is not in MXNet 1.9.1: the shape rule is sigmoid's.
// CHECK-LABEL: func @log_sigmoid(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @log_sigmoid(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.log_sigmoid %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// mish is not in MXNet 1.9.1: the shape rule is sigmoid's.
// CHECK-LABEL: func @mish(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @mish(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.mish %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @hard_sigmoid(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5xf32>) -> tensor<2x5xf32> {
func.func @hard_sigmoid(%x: tensor<2x5xf32>) -> tensor<*xf32> {
  %0 = sym.hard_sigmoid %x {alpha = 3.000000e-01 : f64, beta = 4.000000e-01 : f64} : (tensor<2x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @smooth_l1(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @smooth_l1(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.smooth_l1 %x {scalar = 1.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @clip(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @clip(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.clip %x {a_max = 0.69999999999999996 : f64, a_min = -5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @zeros_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @zeros_like(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.zeros_like %x : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @ones_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @ones_like(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.ones_like %x : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @relu_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x2xf16>) -> tensor<4x2xf16> {
func.func @relu_f16(%x: tensor<4x2xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym.relu %x : (tensor<4x2xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @erfinv(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @erfinv(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.erfinv %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @gamma(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @gamma(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.gamma %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @gammaln(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @gammaln(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.gammaln %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @make_loss_legacy(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @make_loss_legacy(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.MakeLoss %x {grad_scale = 2.000000e+00 : f64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @equal_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xi32>, %arg{{[0-9]+}}: tensor<1x3xi32>) -> tensor<2x3xi32> {
func.func @equal_int(%a: tensor<2x3xi32>, %b: tensor<1x3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.broadcast_equal %a, %b : (tensor<2x3xi32>, tensor<1x3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @elem_equal_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xi32>, %arg{{[0-9]+}}: tensor<2x3xi32>) -> tensor<2x3xi32> {
func.func @elem_equal_int(%a: tensor<2x3xi32>, %b: tensor<2x3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym._equal %a, %b : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @greater_scalar_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xi32>) -> tensor<2x3xi32> {
func.func @greater_scalar_int(%a: tensor<2x3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym._greater_scalar %a : (tensor<2x3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @clip_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x2xi32>) -> tensor<2x2xi32> {
func.func @clip_int(%x: tensor<2x2xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.clip %x {a_max = 3.000000e+00 : f64, a_min = 0.000000e+00 : f64} : (tensor<2x2xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @logical_not_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x2xi32>) -> tensor<2x2xi32> {
func.func @logical_not_int(%x: tensor<2x2xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.logical_not %x : (tensor<2x2xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @sigmoid_f64(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xf64>) -> tensor<3xf64> {
func.func @sigmoid_f64(%x: tensor<3xf64>) -> tensor<*x!sym.unknown> {
  %0 = sym.sigmoid %x : (tensor<3xf64>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @hard_sigmoid_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xf16>) -> tensor<3xf16> {
func.func @hard_sigmoid_f16(%x: tensor<3xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym.hard_sigmoid %x : (tensor<3xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @smooth_l1_f64(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xf64>) -> tensor<3xf64> {
func.func @smooth_l1_f64(%x: tensor<3xf64>) -> tensor<*x!sym.unknown> {
  %0 = sym.smooth_l1 %x : (tensor<3xf64>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @elem_partial(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @elem_partial(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.elemwise_add %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @zeros_like_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x2xi64>) -> tensor<2x2xi64> {
func.func @zeros_like_int(%x: tensor<2x2xi64>) -> tensor<*x!sym.unknown> {
  %0 = sym.zeros_like %x : (tensor<2x2xi64>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @elemwise_add(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @elemwise_add(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.elemwise_add %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @elemwise_sub(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @elemwise_sub(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.elemwise_sub %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @elemwise_mul(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @elemwise_mul(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.elemwise_mul %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @elemwise_div(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @elemwise_div(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.elemwise_div %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @maximum(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @maximum(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._maximum %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @minimum(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @minimum(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._minimum %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mod(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @mod(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._mod %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @power(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @power(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._power %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @hypot(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @hypot(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._hypot %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @not_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @not_equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._not_equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @greater(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @greater(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._greater %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @greater_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @greater_equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._greater_equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @lesser(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @lesser(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._lesser %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @lesser_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @lesser_equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._lesser_equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_and(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @logical_and(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._logical_and %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_or(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @logical_or(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._logical_or %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_xor(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @logical_xor(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._logical_xor %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @elemwise_mul_backward(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5xf32>, %arg{{[0-9]+}}: tensor<2x5xf32>) -> tensor<2x5xf32> {
func.func @elemwise_mul_backward(%lhs: tensor<2x5xf32>, %rhs: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.elemwise_mul %lhs, %rhs : (tensor<2x5xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @minimum_backward(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x1x3xf32>, %arg{{[0-9]+}}: tensor<4x1x3xf32>) -> tensor<4x1x3xf32> {
func.func @minimum_backward(%lhs: tensor<*x!sym.unknown>, %rhs: tensor<4x1x3xf32>) -> tensor<*xf32> {
  %0 = sym._minimum %lhs, %rhs : (tensor<*x!sym.unknown>, tensor<4x1x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @plus_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @plus_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._plus_scalar %x {scalar = 7.500000e-01 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @minus_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @minus_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._minus_scalar %x {scalar = 7.500000e-01 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rminus_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @rminus_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._rminus_scalar %x {scalar = 2.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mul_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @mul_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._mul_scalar %x {scalar = 3.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @div_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @div_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._div_scalar %x {scalar = 4.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rdiv_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @rdiv_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._rdiv_scalar %x {scalar = 2.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @maximum_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @maximum_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._maximum_scalar %x {scalar = 5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @minimum_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @minimum_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._minimum_scalar %x {scalar = -5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @power_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @power_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._power_scalar %x {scalar = 3.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rpower_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @rpower_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._rpower_scalar %x {scalar = 2.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mod_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @mod_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._mod_scalar %x {scalar = 1.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rmod_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @rmod_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._rmod_scalar %x {scalar = -1.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @hypot_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @hypot_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._hypot_scalar %x {scalar = 7.500000e-01 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @equal_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @equal_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._equal_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @not_equal_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @not_equal_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._not_equal_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @greater_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @greater_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._greater_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @greater_equal_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @greater_equal_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._greater_equal_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @lesser_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @lesser_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._lesser_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @lesser_equal_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @lesser_equal_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._lesser_equal_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_and_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @logical_and_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._logical_and_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_or_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @logical_or_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._logical_or_scalar %x {scalar = 0.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logical_xor_scalar(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @logical_xor_scalar(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym._logical_xor_scalar %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_add(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_add(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_add %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_sub(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_sub(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_sub %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_mul(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_mul(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_mul %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_div(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_div(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_div %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_mod(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_mod(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_mod %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_power(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_power(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_power %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_maximum(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_maximum(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_maximum %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_minimum(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_minimum(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_minimum %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_hypot(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_hypot(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_hypot %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_not_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_not_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_not_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_greater(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_greater(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_greater %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_greater_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_greater_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_greater_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_lesser(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_lesser(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_lesser %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_lesser_equal(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_lesser_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_lesser_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_logical_and(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_logical_and(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_logical_and %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_logical_or(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_logical_or(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_logical_or %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_logical_xor(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x4xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
func.func @broadcast_logical_xor(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_logical_xor %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_add_same_rank(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x5xf32>, %arg{{[0-9]+}}: tensor<3x1xf32>) -> tensor<3x5xf32> {
func.func @broadcast_add_same_rank(%lhs: tensor<1x5xf32>, %rhs: tensor<3x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_add %lhs, %rhs : (tensor<1x5xf32>, tensor<3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_mul_scalar_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<1xf32>) -> tensor<2x3xf32> {
func.func @broadcast_mul_scalar_like(%lhs: tensor<2x3xf32>, %rhs: tensor<1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_mul %lhs, %rhs : (tensor<2x3xf32>, tensor<1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @where(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @where(%cond: tensor<2x3xf32>, %x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.where %cond, %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
