package org.ipsl.generator.hpux;

/**
 * What the generated commands rely on that no stored HP manual page states for the release
 * (../shared/reference/hpux-ipsec-config.md marks them NOT FOUND), each with the nearest manual
 * text and where it is. Where one is used, {@code ipsec_config.sh} lists it in its comments, and
 * docs/generators.md lists them all.
 */
final class Notes {
	static final String IKE_OPTIONS = "IKE policy options -group, -encryption and -life: no stored page prints "
			+ "these spellings (the A.02.00 guide's IKE option pages 94 and 96-97 are not stored); the A.02.00 "
			+ "guide, page 179, names the Oakley group, hash and encryption among what peers must agree on, and "
			+ "the A.03.02.02 guide, page 157, speaks of the IKEv1 policy's \"group value\"";
	static final String IKE_DES = "IKE encryption DES: not printed for A.02; the A.03.02.02 release notes, "
			+ "page 22, say ipsec_migrate turns A.02's DES values into 3DES";
	static final String IKE_AES = "IKE encryption AES128: not printed for any release; the stated default is "
			+ "3DES (SRP A.03.00 guide, page 128)";
	static final String IKE_SHA1 = "IKE hash SHA1: seen only in A.03 audit output \"rejected hashtype: ... = "
			+ "MD5:SHA1\" (A.03.00 guide, page 155); the stated default is MD5";
	static final String PFS_ON = "-pfs ON: the A.03.02.02 release notes, page 22, name the IKEv1 option -pfs "
			+ "ON|OFF; which Diffie-Hellman group Quick Mode then uses is not stated (this file assumes the IKE "
			+ "policy's group)";
	static final String LOCAL_METHOD = "add auth -local_method/-remote_method: seen in A.03.02.02 text only "
			+ "(release notes, page 22; guide, page 157, with the values PSK and RSASIG)";
	static final String EXCHANGE_A03 = "add auth -exchange AM: printed in the A.02.01 guide, page 139; no "
			+ "stored A.03 page prints it";
	static final String PRESHARED = "add auth -preshared: the A.02.00 guide, page 141, names the argument "
			+ "\"preshared\" without its option form; -preshared is the A.03 spelling (A.03.02.02 release notes, "
			+ "page 22)";
	static final String ID_TYPES = "-ltype/-rtype IPV4, IPV6, FQDN: IPV4 and IPV6 are printed only in the "
			+ "A.03.02.02 guide, page 83; FQDN in none (the A.02.01 guide, page 238, says IKE accepts ID_FQDN "
			+ "payloads; the A.03.00 guide, page 89, prints USER-FQDN and X500-DN)";
	static final String CERTIFICATES = "certificates: the commands that install the host's certificate, the CA "
			+ "certificate and the CRL are not stored for A.02 (the A.02.00 guide, page 141, only names the chapter "
			+ "\"Using Certificates with HP-UX IPSec\"); install them by hand before loading the batch file";
	static final String TUNNEL = "add tunnel -tsource/-tdestination: printed only in the A.03.02.02 guide, page "
			+ "74; add host -tunnel NAME: the A.03.00 guide, page 76 (the A.02.00 guide, page 73, says such a host "
			+ "policy \"includes a reference to a tunnel policy\" without the option)";
	static final String MANUAL_KEYS = "-in/-out ESP/spi/auth_key/enc_key[/iv]: the A.03.00 guide, page 216, and "
			+ "the A.02.01 guide, page 293; the A.02.00 manual-key chapter is not stored, and whether -action names "
			+ "the transform beside -in/-out is not stated";
	static final String STARTUP_AUDIT = "add startup -auditlvl: no startup option name is stored; the A.03.02.02 "
			+ "guide, page 125, says audit settings can be made with add startup, and the A.02.00 guide, page 178, "
			+ "spells ipsec_admin's -auditlvl";
	static final String STARTUP_SPI = "add startup -spi_min/-spi_max: the A.02.00 guide, page 183, says the "
			+ "dynamic SPI range (default 300-2500000) can be changed with ipsec_config, without the option names";
	static final String PRIORITY_RANGE = "priorities up to 2147483647: the A.02 range is not stored (the A.02.00 "
			+ "guide (second copy), page 95, breaks off before it); the A.03.00 guide, page 76, gives 1-2147483647";
	static final String IPV6_BYPASS = "an IPv6 bypass address: the A.02.01 guide, page 144, describes the bypass "
			+ "list as local IP addresses without an IPv6 note; the A.02.00 guide, page 105, says IPv4 only";

	/** Where a transform name the A.02 pages do not print comes from. */
	static final String IN_A03_TABLE = "A.03.00 Table 4-2 (A.03.00 guide, page 77) prints it",
			A02_PROSE = "the A.02.00 guide, page 293, describes the transform by its hyphenated name",
			A02_ALGORITHMS = "the A.02.00 guide, pages 37-40, lists DES-CBC and HMAC-SHA1 for ESP",
			A02_NULL = "A.03.00 Table 4-2 (A.03.00 guide, page 77) prints it; whether A.02 has NULL-encryption ESP is not stated";

	static String transformName(String name, String evidence) {
		return "transform " + name + ": not printed for A.02 (Table 3-2, A.02.00 guide page 80, is not stored); "
				+ evidence;
	}

	static String group(String number) {
		return "Diffie-Hellman group " + number + ": no stored page lists the groups; only group 2, the default, "
				+ "is stated (SRP A.03.00 guide, page 128; A.03.00 guide, page 95)";
	}

	private Notes() {
	}
}
