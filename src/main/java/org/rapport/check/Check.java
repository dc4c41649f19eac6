package org.rapport.check;

import org.rapport.diag.Diagnostic;

import java.util.List;

/** One small rule about a dialogue. Never throws; returns located diagnostics (empty when the rule holds). */
public interface Check {
    List<Diagnostic> run(CheckContext ctx);
}
