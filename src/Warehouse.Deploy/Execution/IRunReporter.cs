namespace Warehouse.Deploy.Execution;

/// <summary>Where a run tells what it is doing; the CLI renders it with Spectre.Console.</summary>
public interface IRunReporter
{
    void Step(string message);

    void NodeFinished(NodeResult node);

    void TestFinished(TestResult test);
}
