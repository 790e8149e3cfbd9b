/* text-zh-CN.c - the inspector's words in Chinese (zh-CN). Kernel names
 * (setsid(), SIGHUP, /proc fields) stay as they are. */
#include "text.h"

const char *const text_zh_cn[TEXT_COUNT] = {
	[T_CHANGED] =
	    "变化",
	[T_DETAIL] =
	    "详情",
	[T_LESSON] =
	    "课文",
	[T_TERMINAL] =
	    "终端",
	[T_LEGEND] =
	    "高亮：上一步改变的值 · x、暗色："
	    "已退出 · >：选中的行（上/下键）",
	[T_NOTHING] =
	    "还没有变化",
	[T_WAITING] =
	    "等待第一步",
	[T_SAYS] =
	    "步骤报告：",
	[T_ERROR] =
	    "错误：",
	[T_START] =
	    "按 n（或空格）开始第一步。每一步做一个系统调用然后暂停；表格显示它"
	    "改变了什么。",
	[T_WATCH] =
	    "看什么",
	[T_ATTACHED] =
	    "已附加：检查器每秒读取一次这些进程"
	    "及其后代的 /proc。某个进程一有变化，上方就会高亮并解释这个变化，"
	    "这里显示相应的课文。",
	[T_KEYS_ATTACHED] =
	    "            q 退出 · 上/下 · ? 帮助",
	[T_KEYS] =
	    " n 下一步 · r 重来 · q 退出 · ? 帮助",
	[T_IGNORED_ONE] =
	    "已忽略 1 条来自本次运行之外的报告",
	[T_IGNORED] =
	    "已忽略 %d 条来自本次运行之外的报告",
};
