using System.Collections;
using Microsoft.Build.Framework;

namespace Warehouse.Build.Tests;

/// <summary>Collects what a task logs, so tests can assert on errors and the summary line.</summary>
internal sealed class FakeBuildEngine : IBuildEngine
{
    public List<string> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Message ?? "");

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Message ?? "");

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? "");

    public void LogCustomEvent(CustomBuildEventArgs e) => Messages.Add(e.Message ?? "");

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("the Warehouse tasks build no projects");
}
