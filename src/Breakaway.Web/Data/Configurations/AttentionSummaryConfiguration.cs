using Breakaway.Web.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Breakaway.Web.Data.Configurations;

internal sealed class AttentionSummaryConfiguration : IEntityTypeConfiguration<AttentionSummary>
{
    public void Configure(EntityTypeBuilder<AttentionSummary> builder)
    {
        builder.HasKey(a => a.PatientId);
        builder.HasOne(a => a.Patient).WithOne().HasForeignKey<AttentionSummary>(a => a.PatientId).OnDelete(DeleteBehavior.Cascade);
        // Stored as its number: the group order is the dashboard's order.
        builder.Property(a => a.Group).HasConversion<int>();
        builder.Property(a => a.ProgramTitle).HasMaxLength(200);
        builder.Property(a => a.PainTrend).HasMaxLength(1000);
        builder.Property(a => a.Reason).HasMaxLength(AttentionSummary.ReasonLength);
        // The dashboard's order, and its counts per group.
        builder.HasIndex(a => new { a.Group, a.SortUtc });
    }
}
