using System.Globalization;
using Amazon.Runtime;
using Spectre.Console;
using Warehouse.Deploy.Targets.Aws.CloudFormation;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>What the infrastructure step did.</summary>
public sealed record StackResult(bool Changed, IReadOnlyList<ResourceChange> Changes, Stack Stack);

/// <summary>
/// Step (a): create or update the stack through a change set. The change set is printed (Add/Modify/Remove, with
/// replacements in red), confirmed unless --yes, executed and waited for; on failure the failing resources' events are
/// printed. A change set without changes is deleted and reported as "no stack change".
/// </summary>
public sealed class StackDeployer(IAmazonCloudFormationLite cloudFormation, IAnsiConsole console, TimeSpan pollInterval)
{
    private static readonly List<string> Capabilities = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"];

    public async Task<StackResult> DeployAsync(string stackName, StackTemplate template, Func<bool> confirm, CancellationToken cancellationToken)
    {
        var existing = await FindStackAsync(stackName, cancellationToken);
        if (existing is not null && existing.StackStatus is "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED" or "DELETE_FAILED")
            throw new WarehouseException(ExitCodes.BadInput,
                $"stack {stackName} is {existing.StackStatus}: it cannot be updated; delete it (aws cloudformation delete-stack --stack-name {stackName}) and deploy again");
        if (existing is not null && existing.StackStatus.EndsWith("_IN_PROGRESS", StringComparison.Ordinal) && existing.StackStatus != "REVIEW_IN_PROGRESS")
            throw new WarehouseException(ExitCodes.LockHeld, $"stack {stackName} is {existing.StackStatus}: another operation is running");

        // A stack in REVIEW_IN_PROGRESS was created by a CREATE change set that was never executed: still a CREATE.
        string type = existing is null || existing.StackStatus == "REVIEW_IN_PROGRESS" ? ChangeSetType.CREATE : ChangeSetType.UPDATE;
        string changeSetName = "warehouse-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        await cloudFormation.CreateChangeSetAsync(new CreateChangeSetRequest
        {
            StackName = stackName,
            ChangeSetName = changeSetName,
            ChangeSetType = type,
            TemplateBody = template.Body,
            Capabilities = Capabilities,
            Description = "warehouse deploy --target aws",
        }, cancellationToken);

        var changeSet = await WaitForChangeSetAsync(stackName, changeSetName, cancellationToken);
        if (changeSet.Status == "FAILED")
        {
            if (IsNoChange(changeSet.StatusReason))
            {
                await cloudFormation.DeleteChangeSetAsync(new DeleteChangeSetRequest { StackName = stackName, ChangeSetName = changeSetName }, cancellationToken);
                console.MarkupLineInterpolated($"stack {stackName}: [green]no changes[/] (empty change set deleted)");
                return new StackResult(false, [], (await FindStackAsync(stackName, cancellationToken))!);
            }
            throw new WarehouseException(ExitCodes.BadInput, $"change set {changeSetName} failed: {changeSet.StatusReason}");
        }

        var changes = changeSet.Changes.Select(c => c.ResourceChange).ToList();
        Render(stackName, type, changes);
        if (!confirm())
        {
            await cloudFormation.DeleteChangeSetAsync(new DeleteChangeSetRequest { StackName = stackName, ChangeSetName = changeSetName }, cancellationToken);
            throw new WarehouseException(ExitCodes.BadInput, $"change set {changeSetName} not executed (declined); it was deleted");
        }

        var started = DateTime.UtcNow.AddSeconds(-5);
        await cloudFormation.ExecuteChangeSetAsync(new ExecuteChangeSetRequest { StackName = stackName, ChangeSetName = changeSetName }, cancellationToken);
        var stack = await WaitForStackAsync(stackName, cancellationToken);
        if (!stack.StackStatus.EndsWith("_COMPLETE", StringComparison.Ordinal) || stack.StackStatus.Contains("ROLLBACK", StringComparison.Ordinal))
        {
            await RenderFailuresAsync(stackName, started, cancellationToken);
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"stack {stackName} ended {stack.StackStatus}" +
                (stack.StackStatusReason is { Length: > 0 } reason ? $": {reason}" : ""));
        }
        if (console.Profile.Capabilities.Interactive)
            console.MarkupLineInterpolated($"stack {stackName}: [green]{stack.StackStatus}[/]");
        return new StackResult(true, changes, stack);
    }

    public async Task<Stack?> FindStackAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            return (await cloudFormation.DescribeStacksAsync(new DescribeStacksRequest { StackName = stackName }, cancellationToken)).Stacks.FirstOrDefault();
        }
        catch (AmazonServiceException e) when (e.ErrorCode == "ValidationError" && e.Message.Contains("does not exist", StringComparison.Ordinal))
        {
            return null;
        }
    }

    private static bool IsNoChange(string? reason) => reason is not null &&
        (reason.Contains("didn't contain changes", StringComparison.Ordinal) || reason.Contains("No updates are to be performed", StringComparison.Ordinal));

    private async Task<DescribeChangeSetResponse> WaitForChangeSetAsync(string stackName, string changeSetName, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            var response = await cloudFormation.DescribeChangeSetAsync(new DescribeChangeSetRequest { StackName = stackName, ChangeSetName = changeSetName }, cancellationToken);
            if (response.Status is "CREATE_COMPLETE" or "FAILED")
            {
                // Large change sets come in pages.
                var token = response.NextToken;
                while (token is not null)
                {
                    var page = await cloudFormation.DescribeChangeSetAsync(new DescribeChangeSetRequest { StackName = stackName, ChangeSetName = changeSetName, NextToken = token }, cancellationToken);
                    response.Changes.AddRange(page.Changes);
                    token = page.NextToken;
                }
                return response;
            }
            if (DateTime.UtcNow > deadline)
                throw new WarehouseException(ExitCodes.TargetUnreachable, $"change set {changeSetName} still {response.Status} after 10 minutes");
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    private async Task<Stack> WaitForStackAsync(string stackName, CancellationToken cancellationToken)
    {
        Stack? stack = null;
        async Task Poll(Action<string> report)
        {
            while (true)
            {
                stack = await FindStackAsync(stackName, cancellationToken)
                    ?? throw new WarehouseException(ExitCodes.TargetUnreachable, $"stack {stackName} disappeared while deploying");
                report(stack.StackStatus);
                if (!stack.StackStatus.EndsWith("_IN_PROGRESS", StringComparison.Ordinal))
                    return;
                await Task.Delay(pollInterval, cancellationToken);
            }
        }

        if (console.Profile.Capabilities.Interactive)
        {
            await console.Status().StartAsync($"stack {stackName}: executing change set", context =>
                Poll(status => context.Status($"stack {Markup.Escape(stackName)}: {Markup.Escape(status)}")));
        }
        else
        {
            string last = "";
            await Poll(status =>
            {
                if (status == last) return;
                last = status;
                console.MarkupLineInterpolated($"stack {stackName}: {status}");
            });
        }
        return stack!;
    }

    private void Render(string stackName, string type, IReadOnlyList<ResourceChange> changes)
    {
        console.MarkupLineInterpolated($"change set for stack {stackName} ({type}): {changes.Count} change(s)");
        var table = new Table().AddColumn("action").AddColumn("resource").AddColumn("type").AddColumn("replacement");
        foreach (var change in changes.OrderBy(c => c.Action, StringComparer.Ordinal).ThenBy(c => c.LogicalResourceId, StringComparer.Ordinal))
        {
            string color = change.Action switch { "Add" => "green", "Remove" => "red", _ => "yellow" };
            string replacement = change.Replacement switch
            {
                "True" => "[red]replaced[/]",
                "Conditional" => "[red]maybe replaced[/]",
                _ => "",
            };
            table.AddRow($"[{color}]{Markup.Escape(change.Action)}[/]", Markup.Escape(change.LogicalResourceId), Markup.Escape(change.ResourceType), replacement);
        }
        console.Write(table);
    }

    private async Task RenderFailuresAsync(string stackName, DateTime since, CancellationToken cancellationToken)
    {
        var events = (await cloudFormation.DescribeStackEventsAsync(new DescribeStackEventsRequest { StackName = stackName }, cancellationToken)).StackEvents
            .Where(e => e.ResourceStatus.EndsWith("_FAILED", StringComparison.Ordinal) && (e.Timestamp == default || e.Timestamp >= since))
            .OrderBy(e => e.Timestamp)
            .ToList();
        console.MarkupLineInterpolated($"[red]stack {stackName} failed; {events.Count} failing resource event(s):[/]");
        foreach (var e in events)
            console.MarkupLineInterpolated($"  [red]{e.LogicalResourceId}[/] ({e.ResourceType}) {e.ResourceStatus}: {e.ResourceStatusReason ?? ""}");
    }
}
