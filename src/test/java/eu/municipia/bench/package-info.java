/**
 * Benchmarks (not timed tests) of the register import and the coverage page on the full register,
 * run by {@code ./mvnw verify -Pbench}; they assert correctness only and report their figures in
 * target/bench/results.md.
 */
package eu.municipia.bench;
