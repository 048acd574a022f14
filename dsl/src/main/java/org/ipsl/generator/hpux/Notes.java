package org.ipsl.generator.hpux;

/**
 * Facts the HP-UX reference marks unconfirmed (hpux-ipsec.md §12). Where one is used, the generated
 * file says so in a comment line, and the README's target table lists them.
 */
final class Notes {
	static final String IKE_OPTIONS = "IKE policy options -group, -hash, -encryption, -authentication, -life: "
			+ "no HP-UX text found spells them (only -remote and -priority); each IKE policy carries one "
			+ "proposal, as A.03's default IKEv1 policy does, so a proposal list is one IKE policy per "
			+ "proposal at consecutive priorities";
	static final String IKE_PFS = "-pfs GROUP on the IKE policy: A.03 lists PFS among an IKE policy's "
			+ "parameters; the option's spelling is not found";
	static final String PRESHARED = "add auth -preshared: the A.02 text names the preshared key without its "
			+ "option letters; -preshared is from A.03 text";
	static final String ID_TYPES = "-ltype/-rtype IPV4, IPV6 and FQDN: A.02 text shows USER-FQDN and X500-DN "
			+ "only; IPV4 and IPV6 are A.03's keywords";
	static final String CERTIFICATES = "certificates: the commands that install the host's certificate, the "
			+ "CA certificate and the CRL are not found for A.02; install them by hand before loading this file";
	static final String TUNNEL = "add tunnel -tsource/-tdestination and add host -tunnel are A.03 spellings; "
			+ "the host policy at a tunnel end passes (-action PASS) and its tunnel policy carries the transforms";
	static final String MANUAL_KEYS = "-in/-out ESP/spi/auth_key/enc_key[/iv] is the A.03.00 form (G300-216); "
			+ "the A.02 manual-key appendix is not found";
	static final String STARTUP_AUDIT = "add startup -auditlvl: the startup option for the audit level is not "
			+ "found; this is ipsec_admin's spelling";
	static final String STARTUP_SPI = "add startup -spi_min/-spi_max: the option names of the dynamic SPI range "
			+ "are not found";

	static String transformName(String name) {
		return "transform " + name + ": from the A.03.00 transform table; the A.02 table is not found";
	}

	static String group(String number) {
		return "Diffie-Hellman group " + number + ": A.02 text confirms groups 1 and 2 only";
	}

	private Notes() {
	}
}
