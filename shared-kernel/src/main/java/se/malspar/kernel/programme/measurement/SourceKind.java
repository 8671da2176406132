package se.malspar.kernel.programme.measurement;

public enum SourceKind { KOLADA, SURVEY, MANUAL }
