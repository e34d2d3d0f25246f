using Amazon.Runtime;
using Spectre.Console;
using Warehouse.Deploy.Targets.Aws.Glue;

namespace Warehouse.Deploy.Targets.Aws;

/// <summary>--crawl: start the lake crawler (or join a running crawl) and wait until it is READY again.</summary>
public sealed class CrawlerRunner(IAmazonGlueLite glue, IAnsiConsole console)
{
    public async Task RunAsync(string? crawler, CancellationToken cancellationToken)
    {
        if (crawler is null)
            throw new WarehouseException(ExitCodes.TargetUnreachable, "the stack has no crawler");
        try
        {
            await glue.StartCrawlerAsync(new StartCrawlerRequest { Name = crawler }, cancellationToken);
        }
        catch (AmazonServiceException e) when (e.ErrorCode == GlueErrorCodes.CrawlerRunning)
        {
            console.MarkupLineInterpolated($"crawl: {crawler} is already running; waiting for it");
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        Crawler? state;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            state = (await glue.GetCrawlerAsync(new GetCrawlerRequest { Name = crawler }, cancellationToken)).Crawler;
            if (DateTime.UtcNow > deadline)
                throw new WarehouseException(ExitCodes.TargetUnreachable, $"crawler {crawler} still {state?.State} after 30 minutes");
        } while (state?.State != "READY");
        if (state.LastCrawl?.Status is { } status and not "SUCCEEDED")
            throw new WarehouseException(ExitCodes.TargetUnreachable, $"crawler {crawler} ended {status}: {state.LastCrawl.ErrorMessage}");
        console.MarkupLineInterpolated($"crawl: {crawler} succeeded");
    }
}
