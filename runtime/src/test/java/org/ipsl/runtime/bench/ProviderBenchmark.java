package org.ipsl.runtime.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** BouncyCastle's engines against the JDK's provider, for the same packet cryptography as {@link EspBenchmark}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProviderBenchmark {

	@Param({"AES_GCM_128", "AES_CBC_128_HMAC_SHA1"})
	public BenchSuite suite;

	@Param({"JCE", "BC"})
	public String provider;

	private RawCrypto crypto;

	@Setup
	public void setUp() throws Exception {
		crypto = RawCrypto.create(provider, suite);
		crypto.encrypt();
	}

	@Benchmark
	public byte[] encrypt() throws Exception {
		crypto.encrypt();
		return crypto.packet;
	}

	@Benchmark
	public byte[] decrypt() throws Exception {
		crypto.decrypt();
		return crypto.plain;
	}
}
