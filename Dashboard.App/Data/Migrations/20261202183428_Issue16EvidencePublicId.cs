using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.App.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue16EvidencePublicId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicId",
                table: "Evidence",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UploadedById",
                table: "Evidence",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            // Rows from before issue 16 get a random public id too (old numeric links stop working, by design).
            migrationBuilder.Sql("UPDATE Evidence SET PublicId = lower(hex(randomblob(16))) WHERE PublicId = '';");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_PublicId",
                table: "Evidence",
                column: "PublicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_RelativePath",
                table: "Evidence",
                column: "RelativePath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Evidence_PublicId",
                table: "Evidence");

            migrationBuilder.DropIndex(
                name: "IX_Evidence_RelativePath",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "PublicId",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "UploadedById",
                table: "Evidence");
        }
    }
}
