package dev.workbench.cli;

import dev.workbench.app.Workbench;
import dev.workbench.provenance.SoftwareVersions;
import picocli.CommandLine.IVersionProvider;

/** The workbench version stamped into {@code version.properties} at build time, with its commit and build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        SoftwareVersions v = Workbench.versions();
        return new String[] {
            "workbench " + v.workbench() + " (commit " + v.gitCommit() + ", built " + v.buildTime() + ")",
            "Deeplearning4j " + v.deeplearning4j() + ", ND4J " + v.nd4j() + ", Java " + v.javaVersion()
        };
    }
}
