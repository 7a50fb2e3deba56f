# Reference values for Robyn's conventions in test/kernels.test.ts and
# test/response.test.ts, computed in R itself (quantile type 7, round, pweibull,
# dweibull) following Robyn's R/R/transformation.R:
#   adstock_weibull(x, shape, scale, windlen, type): scaleTrans <- round(quantile(1:windlen, scale), 0)
#     cdf: cumprod(c(1, 1 - pweibull(head(1:windlen, -1), shape, scaleTrans)))
#     pdf: min-max normalised dweibull(1:windlen, shape, scaleTrans) (c(1, 0, ...) if flat)
#   saturation_hill(x, alpha, gamma), Robyn <= 3.11: inflexion <- c(range(x) %*% c(1 - gamma, gamma))
#   saturation_hill(x, alpha, gamma), Robyn >= 3.12: inflexion <- max(x) * gamma
# Run: Rscript test/reference/robyn_formulas.R > test/reference/robyn_values.json
# (The four 3.12/legacy hill keys added in 2026-12 were computed from the same two lines with numpy,
# as no R is installed where the library is built; they are a product and a power, nothing R-specific.)
minmax <- function(x) if (diff(range(x)) == 0) c(1, rep(0, length(x) - 1)) else (x - min(x)) / (max(x) - min(x))
weights <- function(shape, scale, windlen, type) {
  x_bin <- 1:windlen
  scaleTrans <- round(quantile(x_bin, scale), 0)
  if (type == "cdf") cumprod(c(1, 1 - pweibull(head(x_bin, -1), shape = shape, scale = scaleTrans)))
  else minmax(dweibull(x_bin, shape = shape, scale = scaleTrans))
}
hill <- function(x, alpha, gamma) {
  inflexion <- c(range(x) %*% c(1 - gamma, gamma))
  x^alpha / (x^alpha + inflexion^alpha)
}
hill312 <- function(x, alpha, gamma) {
  inflexion <- max(x) * gamma
  x^alpha / (x^alpha + inflexion^alpha)
}
num <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
cat("{\n")
cat('  "cdf_k1.5_s0.3_w21": ', num(weights(1.5, 0.3, 21, "cdf")), ",\n", sep = "")
cat('  "pdf_k2_s0.25_w21": ', num(weights(2, 0.25, 21, "pdf")), ",\n", sep = "")
cat('  "cdf_k0.5_s0.5_w5": ', num(weights(0.5, 0.5, 5, "cdf")), ",\n", sep = "")
cat('  "pdf_k0.5_s0.5_w5": ', num(weights(0.5, 0.5, 5, "pdf")), ",\n", sep = "")
cat('  "scaleTrans_w6_s0.5": ', round(quantile(1:6, 0.5), 0), ",\n", sep = "")
cat('  "scaleTrans_w8_s0.5": ', round(quantile(1:8, 0.5), 0), ",\n", sep = "")
cat('  "hill_example": ', num(hill(c(100, 150, 170, 190, 200), 3, 0.5)), ",\n", sep = "")
cat('  "hill_a2_g0.3": ', num(hill(c(0, 0.5, 1, 2, 4), 2, 0.3)), ",\n", sep = "")
cat('  "hill_example_3.12": ', num(hill312(c(100, 150, 170, 190, 200), 3, 0.5)), ",\n", sep = "")
cat('  "hill_a2_g0.3_3.12": ', num(hill312(c(0, 0.5, 1, 2, 4), 2, 0.3)), ",\n", sep = "")
cat('  "hill_a1.5_g0.6_3.12": ', num(hill312(c(1, 2, 3, 5, 8), 1.5, 0.6)), ",\n", sep = "")
cat('  "hill_a1.5_g0.6_legacy": ', num(hill(c(1, 2, 3, 5, 8), 1.5, 0.6)), "\n", sep = "")
cat("}\n")
