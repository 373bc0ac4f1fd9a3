using Breakaway.Web.Dashboard;

namespace Breakaway.Tests.Dashboard;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1 555", "'+1 555")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData(null, "")]
    public void Field_EscapesAndNeutralisesFormulas(string? value, string expected) => Assert.Equal(expected, CsvExport.Field(value));

    [Fact]
    public void Row_EndsWithCrLf() => Assert.Equal("a,\"b,c\"\r\n", CsvExport.Row(["a", "b,c"]));
}
