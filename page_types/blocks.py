"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class FigureBlock(blocks.StructBlock):
    """An image with alt text (required unless decorative) and an optional caption."""

    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False)

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "page_types/blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người/nguồn"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "page_types/blocks/quote.html"


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tệp"))
    label = blocks.CharBlock(label=_("Tên hiển thị"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Tệp đính kèm")
        template = "page_types/blocks/attachment.html"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Họ tên"))
    role = blocks.CharBlock(label=_("Chức vụ"))
    phone = blocks.CharBlock(label=_("Điện thoại"), required=False)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    photo = ImageBlock(label=_("Ảnh"), required=False)

    class Meta:
        icon = "user"
        label = _("Cán bộ")


class PeopleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Tiêu đề"), required=False)
    people = blocks.ListBlock(PersonBlock(), label=_("Danh sách"))

    class Meta:
        icon = "group"
        label = _("Danh sách cán bộ")
        template = "page_types/blocks/people.html"


class TableBlock(TypedTableBlock):
    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.CharBlock(label=_("Chữ"))),
                ("number", blocks.DecimalBlock(label=_("Số"))),
                (
                    "rich_text",
                    blocks.RichTextBlock(label=_("Văn bản"), features=["bold", "italic", "link"]),
                ),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "page_types/blocks/table.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "page_types/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), features=RICH_FEATURES)
    figure = FigureBlock()
    quote = QuoteBlock()
    table = TableBlock()
    embed = EmbedBlock(label=_("Nhúng (YouTube, bản đồ…)"), icon="media")
    document = AttachmentBlock()
    people = PeopleBlock()

    class Meta:
        block_counts = {}


class MealsBlock(blocks.StructBlock):
    day = blocks.ChoiceBlock(
        label=_("Thứ"),
        choices=[
            ("mon", _("Thứ Hai")),
            ("tue", _("Thứ Ba")),
            ("wed", _("Thứ Tư")),
            ("thu", _("Thứ Năm")),
            ("fri", _("Thứ Sáu")),
            ("sat", _("Thứ Bảy")),
        ],
    )
    breakfast = blocks.TextBlock(label=_("Bữa sáng"), required=False)
    lunch = blocks.TextBlock(label=_("Bữa trưa"))
    afternoon = blocks.TextBlock(label=_("Bữa xế / phụ chiều"), required=False)

    class Meta:
        icon = "date"
        label = _("Thực đơn một ngày")


class ScheduleEntryBlock(blocks.StructBlock):
    time = blocks.CharBlock(label=_("Thời gian"), help_text=_("Ví dụ: 07:30 hoặc Sáng"))
    content = blocks.TextBlock(label=_("Nội dung công việc"))
    lead = blocks.CharBlock(label=_("Chủ trì / phụ trách"), required=False)
    location = blocks.CharBlock(label=_("Địa điểm"), required=False)


class ScheduleDayBlock(blocks.StructBlock):
    day = MealsBlock.base_blocks["day"]
    entries = blocks.ListBlock(ScheduleEntryBlock(), label=_("Công việc"))

    class Meta:
        icon = "date"
        label = _("Lịch một ngày")


class QuickLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Nhãn"))
    page = blocks.PageChooserBlock(label=_("Trang"), required=False)
    url = blocks.URLBlock(label=_("Hoặc địa chỉ"), required=False)

    class Meta:
        icon = "link"
        label = _("Liên kết nhanh")
