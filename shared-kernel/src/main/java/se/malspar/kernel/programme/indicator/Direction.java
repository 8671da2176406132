package se.malspar.kernel.programme.indicator;

public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }
