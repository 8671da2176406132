package se.malspar.kernel.programme.measurement;

/** riket and länet: the reference values many ambition levels compare with. */
public enum ReferenceArea { NATIONAL, COUNTY }
