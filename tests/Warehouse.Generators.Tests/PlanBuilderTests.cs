using Warehouse.Generators.Emitters.Plans;
using Warehouse.Generators.Model;
using Warehouse.Generators.Resolution;

namespace Warehouse.Generators.Tests;

/// <summary>
/// The node plans that both renderers (the runner's scripts and dbt) spell: built from the resolved specs of a
/// small club model, asserted as plans — which columns, checks, keys, joins and re-keys — not as SQL text.
/// </summary>
public sealed class PlanBuilderTests
{
    private const string Club = """
        using System;
        using Warehouse.Model;
        namespace Club;

        [Source("landing/members/")]
        public sealed record RawMembers
        {
            public long MemberId { get; init; }
            public required string Name { get; init; }
            [MaxLength(10)] public required string Tier { get; init; }
            public required string City { get; init; }
            public string? Email { get; init; }
        }

        [Source("landing/days/")]
        public sealed record RawDays
        {
            public long DayId { get; init; }
            public DateOnly Day { get; init; }
        }

        [Source("landing/visits/")]
        public sealed record RawVisits
        {
            public long VisitId { get; init; }
            public long DayId { get; init; }
            public long MemberId { get; init; }
            public decimal Fee { get; init; }
        }

        [Staging(typeof(RawMembers), Key = nameof(MemberId))]
        [Rule("known_tier", "tier IN ('gold', 'silver')", "tier must be gold or silver")]
        public sealed record StgMembers
        {
            public long MemberId { get; init; }
            [Derived("initcap(name)")] public required string Name { get; init; }
            [MaxLength(8)] public required string Tier { get; init; }
            [NoTrim] public required string City { get; init; }
            public string? Email { get; init; }
        }

        [Staging(typeof(RawDays), Key = nameof(DayId))]
        public sealed record StgDays
        {
            public long DayId { get; init; }
            public DateOnly Day { get; init; }
        }

        [Staging(typeof(RawVisits), Key = nameof(VisitId))]
        public sealed record StgVisits
        {
            public long VisitId { get; init; }
            public long DayId { get; init; }
            public long MemberId { get; init; }
            public decimal Fee { get; init; }
        }

        [Dimension(typeof(StgMembers), Scd = ScdType.Type2)]
        public sealed record DimMembers
        {
            [SurrogateKey] public long MemberKey { get; init; }
            [BusinessKey] public long MemberId { get; init; }
            public required string Name { get; init; }
            [MaxLength(8), History] public required string Tier { get; init; }
            [History] public required string City { get; init; }
            public string? Email { get; init; }
        }

        [Dimension(typeof(StgDays), DateColumn = nameof(Day))]
        public sealed record DimDays
        {
            [SurrogateKey] public long DayKey { get; init; }
            [BusinessKey] public long DayId { get; init; }
            public DateOnly Day { get; init; }
        }

        [Fact(typeof(StgVisits))]
        [Grain("one row per visit", nameof(VisitId))]
        public sealed record FactVisits
        {
            [DegenerateKey] public long VisitId { get; init; }
            [References(typeof(DimMembers))] public long MemberKey { get; init; }
            [References(typeof(DimDays))] public long DayKey { get; init; }
            [Measure] public decimal Fee { get; init; }
        }
        """;

    [Fact]
    public void Staging_reads_each_source_column_once_and_checks_casts_then_required_columns_then_rules()
    {
        var plan = StagingPlanBuilder.Build(Node(Club, "stg_members"));

        // Copied columns first, then what the derived column reads.
        Assert.Equal(new[] { "member_id", "tier", "city", "email", "name" }, plan.SourceColumns.Select(c => c.Name));
        Assert.Equal(new SqlType(SqlTypeKind.Varchar, Length: 10), plan.SourceColumns[1].Type);
        Assert.True(plan.SourceColumns.Single(c => c.Name == "city").KeepsWhitespace);
        Assert.False(plan.SourceColumns.Single(c => c.Name == "tier").KeepsWhitespace);
        Assert.Equal(
            new[] { "invalid_member_id", "too_long_tier", "too_long_city", "too_long_email", "too_long_name", "missing_member_id", "missing_name", "missing_tier", "missing_city", "known_tier" },
            plan.Checks.Select(c => c.Rule));
        Assert.Equal(new TooLongCheck("tier", 10), plan.Checks[1]);

        var columns = plan.Columns.ToDictionary(c => c.Name);
        Assert.False(columns["member_id"].Value.Cast); // same type as the source: no cast
        Assert.True(columns["tier"].Value.Cast); // VARCHAR(10) narrowed to VARCHAR(8)
        Assert.True(columns["name"].Value.Cast); // derived values are always cast
        Assert.Null(columns["name"].Value.Column);
        Assert.Equal("member_id", plan.Key);
        Assert.True(plan.ReplacesKeys);
        Assert.Equal(new[] { "member_id" }, plan.Layout.SortKeys);
        Assert.Equal("silver.stg_members__quarantine", plan.Quarantine.Id);
    }

    [Fact]
    public void A_type2_dimension_versions_on_its_tracked_columns_and_overwrites_the_others()
    {
        var plan = DimensionPlanBuilder.Build(Node(Club, "dim_members"));

        Assert.True(plan.Type2);
        Assert.Equal(new[] { "tier", "city" }, plan.Tracked);
        Assert.Equal(new[] { "name", "email" }, plan.Overwritten);
        Assert.Equal(new SurrogateKeyPlan("member_key", "member_id", WithValidFrom: true), plan.SurrogateKey);
        Assert.Equal("member_id", plan.BusinessKey);
        Assert.Equal(new[] { "member_id", "name", "tier", "city", "email" }, plan.Attributes.Select(c => c.Name));
        // The resolved layout (Resolution/PhysicalDesign): a type-2 dimension counts as large.
        Assert.Equal(new TableLayout(DistributionKind.Key, "member_key", new[] { "member_key" }.ToEquatableArray()), plan.Layout);
    }

    [Fact]
    public void The_unknown_member_has_key_minus_one_placeholders_that_fit_and_is_valid_for_all_time()
    {
        var plan = DimensionPlanBuilder.Build(Node(Club, "dim_members"));

        Assert.Equal(
            new[]
            {
                new ColumnConstant("member_key", new Constant(SqlTypeKind.BigInt, "-1")),
                new ColumnConstant("member_id", new Constant(SqlTypeKind.BigInt, "-1")),
                new ColumnConstant("name", new Constant(SqlTypeKind.Varchar, "Unknown")),
                new ColumnConstant("tier", new Constant(SqlTypeKind.Varchar, "Unknown")),
                new ColumnConstant("city", new Constant(SqlTypeKind.Varchar, "Unknown")),
                new ColumnConstant("email", Constant.Null),
                new ColumnConstant("valid_from", Constant.ValidFromStart),
                new ColumnConstant("valid_to", Constant.ValidToEnd),
                new ColumnConstant("is_current", Constant.True),
                new ColumnConstant("_batch_at", Constant.ValidFromStart),
            },
            plan.UnknownMember);
    }

    [Fact]
    public void A_type1_dimension_hashes_silvers_business_key_alone_and_tracks_nothing()
    {
        var plan = DimensionPlanBuilder.Build(Node(Club, "dim_days"));

        Assert.False(plan.Type2);
        Assert.Equal(new SurrogateKeyPlan("day_key", "day_id", WithValidFrom: false), plan.SurrogateKey);
        Assert.Empty(plan.Tracked);
        Assert.Empty(plan.Overwritten);
        Assert.Equal(new ColumnConstant("day", new Constant(SqlTypeKind.Date, "1900-01-01")), plan.UnknownMember.Single(c => c.Column == "day"));
        Assert.DoesNotContain(plan.UnknownMember, c => c.Column == "valid_from");
    }

    [Fact]
    public void History_on_a_business_key_versions_nothing_in_either_renderer()
    {
        // The runner's script used to count the key among the tracked columns and dbt did not; the key never changes
        // within a member, so it versions nothing in both: every other column is overwritten.
        var model = Club.Replace("[BusinessKey] public long MemberId", "[BusinessKey, History] public long MemberId", StringComparison.Ordinal)
            .Replace("[MaxLength(8), History] public required string Tier", "[MaxLength(8)] public required string Tier", StringComparison.Ordinal)
            .Replace("[History] public required string City", "public required string City", StringComparison.Ordinal);

        var plan = DimensionPlanBuilder.Build(Node(model, "dim_members"));

        Assert.Empty(plan.Tracked);
        Assert.Equal(new[] { "name", "tier", "city", "email" }, plan.Overwritten);
    }

    [Fact]
    public void A_fact_looks_up_the_calendar_first_and_a_type2_member_as_of_the_calendar_date()
    {
        var plan = FactPlanBuilder.Build(Node(Club, "fact_visits"));

        Assert.Equal(new[] { "day_key", "member_key" }, plan.Lookups.Select(l => l.Column));
        var day = plan.Lookups[0];
        Assert.Equal(new LookupPlan("day_key", "d__day_key", day.Dimension, "day_key", "day_id", "day_id", LookupVersion.Only, null), day);
        Assert.Equal("gold.dim_days", day.Dimension.Id);
        var member = plan.Lookups[1];
        Assert.Equal(LookupVersion.AsOfDate, member.Version);
        Assert.Equal(new DateRef("d__day_key", "day"), member.AsOf);
        Assert.Equal(("member_key", "member_id", "member_id"), (member.SurrogateKey, member.BusinessKey, member.FactColumn));
        Assert.Equal("gold.dim_members", member.Dimension.Id);

        Assert.Equal(new[] { "visit_id", "member_key", "day_key", "fee" }, plan.Columns.Select(c => c.Name));
        Assert.Same(member, plan.Columns[1].Lookup);
        Assert.Null(plan.Columns[1].Value);
        Assert.Equal("fee", plan.Columns[3].Value!.Column);

        // The resolved layout: distributed on the largest dimension's key, sorted on the date key.
        Assert.Equal(DistributionKind.Key, plan.Layout.Distribution);
        Assert.Equal("member_key", plan.Layout.DistributionKey);
        Assert.Equal(new[] { "day_key" }, plan.Layout.SortKeys);
        Assert.True(plan.ReplacesGrain);
    }

    [Fact]
    public void A_merged_fact_rekeys_facts_on_the_unknown_member_and_on_closed_type2_versions()
    {
        var plan = FactPlanBuilder.Build(Node(Club, "fact_visits"));

        var rekey = Assert.IsType<RekeyPlan>(plan.Rekey);
        Assert.Equal(new[] { "visit_id" }, rekey.Grain);
        Assert.Equal(new[] { "member_key", "day_key" }, rekey.References);
        var calendar = Assert.IsType<RekeyCalendar>(rekey.Calendar);
        Assert.Equal("day_key", calendar.Calendar.Column);
        Assert.Equal("day", calendar.DateColumn);
        Assert.Equal(new[] { "member_key" }, calendar.Versioned.Select(v => v.Column));
    }

    [Fact]
    public void Without_a_calendar_a_type2_member_is_looked_up_current_and_only_unknown_members_are_rekeyed()
    {
        var model = Club.Replace("[References(typeof(DimDays))] public long DayKey { get; init; }", string.Empty, StringComparison.Ordinal);

        var plan = FactPlanBuilder.Build(Node(model, "fact_visits"));

        var member = Assert.Single(plan.Lookups);
        Assert.Equal(LookupVersion.Current, member.Version);
        Assert.Null(member.AsOf);
        Assert.Empty(plan.Layout.SortKeys);
        var rekey = Assert.IsType<RekeyPlan>(plan.Rekey);
        Assert.Equal(new[] { "member_key" }, rekey.References);
        Assert.Null(rekey.Calendar);
    }

    [Fact]
    public void A_rebuilt_fact_is_not_rekeyed()
    {
        var model = Club.Replace("[Fact(typeof(StgVisits))]", "[Fact(typeof(StgVisits), Incremental = IncrementalStrategy.FullRefresh)]", StringComparison.Ordinal);

        var plan = FactPlanBuilder.Build(Node(model, "fact_visits"));

        Assert.Equal(Incremental.FullRefresh, plan.Incremental);
        Assert.Null(plan.Rekey);
        Assert.False(plan.ReplacesGrain);
    }

    [Fact]
    public void The_runner_and_dbt_re_key_the_same_older_facts()
    {
        var artifacts = GeneratedArtifacts.Of(Club);

        var runner = RekeyLines(artifacts["redshift/gold/fact_visits.sql"]);
        var dbt = RekeyLines(artifacts["dbt/models/gold/fact_visits.sql"]
            .Replace("{{ this }}", "\"gold\".\"fact_visits\"", StringComparison.Ordinal)
            .Replace("{{ ref('dim_days') }}", "\"gold\".\"dim_days\"", StringComparison.Ordinal)
            .Replace("{{ ref('dim_members') }}", "\"gold\".\"dim_members\"", StringComparison.Ordinal));

        Assert.Contains("LEFT JOIN \"gold\".\"dim_members\" AS \"v__member_key\" ON \"v__member_key\".\"member_key\" = f.\"member_key\"", runner);
        Assert.Equal(runner, dbt);
    }

    /// <summary>The re-key condition's lines, trimmed: from its comment to the closing parenthesis.</summary>
    private static List<string> RekeyLines(string sql)
    {
        var lines = sql.Split('\n').Select(l => l.Trim()).SkipWhile(l => !l.StartsWith("-- Re-key older facts", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        return lines.Take(lines.IndexOf(")") + 1).ToList();
    }

    private static NodeSpec Node(string model, string name)
    {
        var (generator, _, result) = GeneratorHarness.Run(model);
        Assert.Empty(generator);
        var resolved = (ResolvedWarehouse)Assert.Single(Assert.Single(result.Results[0].TrackedSteps[TrackingNames.Resolve]).Outputs).Value;
        return resolved.Nodes.Single(n => n.Name == name);
    }
}
