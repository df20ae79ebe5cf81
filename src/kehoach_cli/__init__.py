"""kehoach: theo dõi và báo cáo thực hiện kế hoạch từ các tệp YAML."""

__version__ = "0.4.0"
