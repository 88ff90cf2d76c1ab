"""Traditional-to-simplified map for characters common in company names.

Deliberately small and one-to-one: only characters whose simplified form is unambiguous in
company names, so a key never merges two different words.
"""

from __future__ import annotations

__all__ = ["TRADITIONAL_TO_SIMPLIFIED"]

_PAIRS = (
    "東东 國国 華华 實实 業业 發发 資资 產产 電电 際际 團团 區区 車车 貿贸 築筑 設设 與与 開开"
    " 廣广 氣气 機机 銀银 責责 會会 經经 營营 濟济 農农 藥药 醫医 療疗 學学 術术 網网 絡络"
    " 計计 傳传 廠厂 鋼钢 鐵铁 礦矿 環环 圖图 書书 門门 場场 陽阳 長长 蘇苏 灣湾 運运 輸输"
    " 達达 億亿 萬万 豐丰 險险 證证 聯联 體体 專专 務务 諮咨 詢询 總总 廈厦 紡纺 織织 龍龙"
    " 鳳凤 雲云 飛飞 樂乐 興兴 順顺 創创 義义 進进 號号 橋桥 莊庄 縣县 鎮镇 鄉乡 島岛 閩闽"
    " 黃黄 劉刘 陳陈 張张 楊杨 趙赵 吳吴 鄭郑 錢钱 標标 準准 視视 廳厅 館馆 點点 線线 導导"
    " 記记 註注 銷销 遷迁 轉转 權权 數数 據据 軟软 應应 維维 護护 檢检 測测 驗验"
)
TRADITIONAL_TO_SIMPLIFIED: dict[int, str] = {
    ord(pair[0]): pair[1] for pair in _PAIRS.split() if pair[0] != pair[1]
}
