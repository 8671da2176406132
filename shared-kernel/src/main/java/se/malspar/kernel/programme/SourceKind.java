package se.malspar.kernel.programme;

public enum SourceKind { KOLADA, SURVEY, MANUAL }
